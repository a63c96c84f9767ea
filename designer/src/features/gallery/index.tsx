import { lazy, type ReactNode } from 'react';
import type { PreviewWidth } from './preview-frames.js';
import './locales.js';

const GalleryListPage = lazy(() => import('./gallery-list.page.js'));
const GalleryFormPage = lazy(() => import('./gallery-form.page.js'));
const ExamplesListPage = lazy(() => import('./examples-list.page.js'));
const ExamplePage = lazy(() => import('./example.page.js'));
const GeneratedFormPage = lazy(() => import('./generated-form.page.js'));
const CheckDataPage = lazy(() => import('./check-data.page.js'));

const widths: readonly string[] = ['phone', 'desk', 'both'] satisfies PreviewWidth[];

/**
 * The gallery's pages by path (each a lazily loaded chunk): /gallery, /gallery/<formKey>,
 * /gallery/examples, /gallery/examples/<name>, /gallery/generated/<count>; `?width=phone|desk|both` picks the frames. Undefined for
 * a path that is not the gallery's.
 */
export function galleryPage(path: string, search: URLSearchParams): ReactNode | undefined {
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] !== 'gallery') return undefined;
  const asked = search.get('width') ?? '';
  const width = widths.includes(asked) ? (asked as PreviewWidth) : undefined;
  const frames = width ? { width } : {};
  if (parts.length === 1) return <GalleryListPage />;
  if (parts[1] === 'examples') {
    if (parts.length === 2) return <ExamplesListPage />;
    if (parts.length === 3) return <ExamplePage name={parts[2] as string} {...frames} />;
    return undefined;
  }
  if (parts[1] === 'generated' && parts.length === 3) {
    const count = Number(parts[2]);
    if (Number.isInteger(count) && count >= 1 && count <= 1000)
      return <GeneratedFormPage count={count} {...frames} />;
    return undefined;
  }
  if (parts.length === 2) return <GalleryFormPage formKey={parts[1] as string} {...frames} />;
  if (parts.length === 3 && parts[2] === 'check') return <CheckDataPage formKey={parts[1] as string} />;
  return undefined;
}
