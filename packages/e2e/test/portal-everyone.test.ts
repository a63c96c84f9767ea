import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { checkA11y, launchBrowser, newPage, shoot } from '../src/harness.js';

/**
 * The portal for everyone (issue 14, part 8): reached by keyboard alone, from the catalog to a bundle's
 * first step; at 200% zoom (a 1280 px screen then lays pages out at 640 CSS px) nothing runs off the
 * side; the larger-text switch makes the text larger and stays chosen.
 */

/** Whether the page is wider than the window (a person at 200% would scroll sideways). */
const overflowsSideways = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth + 1);

describe('the portal for everyone', () => {
  const url = inject('tongbanUrl');
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('should take a person from the catalog to a bundle’s first step and on by keyboard alone', async () => {
    const { page, errors, close } = await newPage(browser, { width: 1280, height: 800, language: 'zh-CN' });
    try {
      await page.goto(`${url}/portal/`);
      await page.getByRole('link', { name: '一次申请全部办理' }).first().waitFor();
      // Tab until the first bundle's button has focus (the page's order: header, quick links, search, views, groups)
      let reached = false;
      for (let press = 0; press < 40 && !reached; press++) {
        await page.keyboard.press('Tab');
        reached = await page.evaluate(
          () => document.activeElement?.textContent?.trim() === '一次申请全部办理',
        );
      }
      expect(reached).toBe(true);
      // the focus is seen: an outline around what has it
      const outline = await page.evaluate(() => {
        const style = getComputedStyle(document.activeElement as Element);
        return `${style.outlineStyle} ${style.outlineWidth}`;
      });
      expect(outline).not.toMatch(/^none/);
      await page.keyboard.press('Enter');
      await page.getByRole('button', { name: '继续', exact: true }).waitFor();
      // the first field is reached by Tab and typed into
      let typed = false;
      for (let press = 0; press < 60 && !typed; press++) {
        await page.keyboard.press('Tab');
        typed = await page.evaluate(() => {
          const active = document.activeElement;
          return (
            active instanceof HTMLInputElement &&
            active.type === 'text' &&
            active.closest('form, [data-field-path]') !== null
          );
        });
      }
      expect(typed).toBe(true);
      await page.keyboard.type('林');
      expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).value)).toContain('林');
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('should lay the pages out without sideways scrolling at 200% zoom (640 CSS px wide)', async () => {
    const { page, close } = await newPage(browser, { width: 640, height: 400, language: 'zh-CN' });
    try {
      for (const [path, name, ready] of [
        ['/portal/', 'catalog', '一次申请全部办理'],
        ['/portal/bundle/d1.senior-services', 'bundle', '继续'],
        ['/portal/resume', 'resume', '继续填写'],
        ['/portal/report', 'report', '提交反映'],
      ] as const) {
        await page.goto(`${url}${path}`);
        await page.getByText(ready, { exact: true }).first().waitFor();
        expect(await overflowsSideways(page), path).toBe(false);
        await shoot(page, `portal-zoom-200-${name}`);
      }
    } finally {
      await close();
    }
  });

  it('should make the text larger with the switch, say it is on, and keep it on the next visit', async () => {
    const { page, close } = await newPage(browser, { width: 360, height: 740, language: 'zh-CN' });
    try {
      await page.goto(`${url}/portal/`);
      const switcher = page.getByRole('button', { name: '大字' });
      await switcher.waitFor();
      const size = () => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
      const before = await size();
      expect(await switcher.getAttribute('aria-pressed')).toBe('false');
      await switcher.click();
      await expect.poll(size).toBeGreaterThan(before * 1.2);
      expect(await switcher.getAttribute('aria-pressed')).toBe('true');
      await page.reload();
      await page.getByRole('button', { name: '大字' }).waitFor();
      expect(await size()).toBeGreaterThan(before * 1.2);
      await shoot(page, 'portal-catalog-large-text-zh-CN-360');
      expect(await checkA11y(page)).toEqual([]);
    } finally {
      await close();
    }
  });
});
