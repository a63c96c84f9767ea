import { unwrap, type paths } from '@tongban/client';
import { tongbanApi } from '@tongban/ui';

/** POST /api/cases's answer: the case as the applicant sees it. */
export type StartedCase = paths['/api/cases']['post']['responses'][201]['content']['application/json'];
/** GET /api/me/prefill's answer: the kept answers, and which fields they fill. */
export type Prefill = paths['/api/me/prefill']['get']['responses'][200]['content']['application/json'];

/** Applies for a matter with the answers; a refusal throws the runtime's `TongbanApiError`. */
export function startCase(matter: string, data: Record<string, unknown>): Promise<StartedCase> {
  return unwrap(tongbanApi().POST('/api/cases', { body: { matter, data: data as Record<string, never> } }));
}

/** The signed-in resident's kept answers for a matter's or a bundle's form (collect once). */
export function loadPrefill(kind: 'matter' | 'bundle', key: string): Promise<Prefill> {
  return unwrap(tongbanApi().GET('/api/me/prefill', { params: { query: { [kind]: key } } }));
}

/** The draft is done with once the application is in; a draft left behind expires on its own. */
export async function discardDraft(token: string): Promise<void> {
  await tongbanApi()
    .DELETE('/api/drafts/{token}', { params: { path: { token } } })
    .catch(() => undefined);
}
