import type { Page } from 'playwright-core';

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A field by its label as a person reads it (Mantine adds a "*" for a required one). */
export const field = (page: Page, label: string) =>
  page.getByLabel(new RegExp(`^${escaped(label)}\\s*\\*?$`));

/** A step's or a page part's heading, by its exact words. */
export const heading = (page: Page, name: string, level = 2) =>
  page.getByRole('heading', { level, name, exact: true });

/** The text of the elements that describe a field (its hint and its error), as a screen reader reads them. */
export async function descriptionOf(page: Page, label: string): Promise<string> {
  return field(page, label).evaluate((input) => {
    const ids = (input.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
    return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
  });
}
