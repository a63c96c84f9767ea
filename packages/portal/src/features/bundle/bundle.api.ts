import { unwrap, type paths } from '@tongban/client';
import { tongbanApi } from '@tongban/ui';

/** GET /api/bundles/{key}/form: the combined form of a life event's matters. */
export type BundleForm =
  paths['/api/bundles/{key}/form']['get']['responses'][200]['content']['application/json'];
/** A bundle application as its tracker shows it (POST's answer and GET /api/bundle-applications/{id}). */
export type BundleApplication =
  paths['/api/bundle-applications/{id}']['get']['responses'][200]['content']['application/json'];
/** A bundle as the catalog lists it. */
export type BundleSummary =
  paths['/api/bundles']['get']['responses'][200]['content']['application/json']['items'][number];

let bundles: Promise<BundleSummary[]> | undefined;

/** The one-thing bundles, asked for once a page load (the catalog and the bundle page share them). */
export function loadBundles(): Promise<BundleSummary[]> {
  bundles ??= unwrap(tongbanApi().GET('/api/bundles')).then((answer) => answer.items);
  bundles.catch(() => {
    bundles = undefined;
  });
  return bundles;
}

export function loadBundleForm(key: string): Promise<BundleForm> {
  return unwrap(tongbanApi().GET('/api/bundles/{key}/form', { params: { path: { key } } }));
}

/** Applies once for the bundle's matters; a refusal throws the runtime's `TongbanApiError`. */
export function applyForBundle(key: string, data: Record<string, unknown>): Promise<BundleApplication> {
  return unwrap(
    tongbanApi().POST('/api/bundles/{key}/applications', {
      params: { path: { key } },
      body: { data: data as Record<string, never> },
    }),
  );
}
