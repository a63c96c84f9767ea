import type { WatchedPage } from './harness.js';

/** What the tests check on a gallery page once it rendered. */
export interface GalleryPageSeen {
  /** How many "No applicable renderer" placeholders JSON Forms put where a renderer was missing. */
  missingRenderers: number;
  /** Console errors and uncaught page errors since the page was opened. */
  errors: string[];
}

const preview = '[data-testid="form-preview"]';

/**
 * Opens a gallery page, waits until the form preview rendered, and looks. A page already in the designer
 * goes there as a person clicking a link does (the app's own navigation, no reload): the app starts
 * once, not once per form, which halves the time of the gallery's hundreds of pages.
 */
export async function openGalleryPage(watched: WatchedPage, url: string): Promise<GalleryPageSeen> {
  const { page, errors } = watched;
  errors.length = 0;
  const target = new URL(url);
  const current = new URL(page.url());
  const elsewhere = current.pathname + current.search !== target.pathname + target.search;
  // marks the previews shown now (the last page's): the new page's are those without the mark; none shown
  // means the app is not on a gallery page yet (its sign-in, say), and it is loaded afresh
  const shown = await page.evaluate((selector) => {
    const previews = document.querySelectorAll(selector);
    previews.forEach((element) => element.setAttribute('data-stale', ''));
    return previews.length;
  }, preview);
  if (current.origin === target.origin && shown > 0 && elsewhere) {
    await page.evaluate((path) => {
      window.history.pushState(null, '', path);
      window.dispatchEvent(new PopStateEvent('popstate'));
    }, target.pathname + target.search);
  } else await page.goto(url);
  // (the same address again is a reload: a fresh form, as the tests that type into it expect)
  await page.locator(`${preview}:not([data-stale])`).first().waitFor({ state: 'visible', timeout: 30_000 });
  // the form's chunks and data are in before the preview shows (Suspense); one frame lets React paint
  await page.evaluate(() => new Promise((painted) => requestAnimationFrame(() => painted(null))));
  const missingRenderers = await page.getByText('No applicable renderer').count();
  return { missingRenderers, errors: [...errors] };
}
