import type { WatchedPage } from './harness.js';

/** What the tests check on a gallery page once it rendered. */
export interface GalleryPageSeen {
  /** How many "No applicable renderer" placeholders JSON Forms put where a renderer was missing. */
  missingRenderers: number;
  /** Console errors and uncaught page errors since the page was opened. */
  errors: string[];
}

/** Opens a gallery page, waits until the form preview rendered and the network is quiet, and looks. */
export async function openGalleryPage(watched: WatchedPage, url: string): Promise<GalleryPageSeen> {
  const { page, errors } = watched;
  errors.length = 0;
  await page.goto(url);
  await page.getByTestId('form-preview').first().waitFor({ state: 'visible', timeout: 30_000 });
  // the form's chunks and data are in before the preview shows (Suspense); one frame lets React paint
  await page.evaluate(() => new Promise((painted) => requestAnimationFrame(() => painted(null))));
  const missingRenderers = await page.getByText('No applicable renderer').count();
  return { missingRenderers, errors: [...errors] };
}
