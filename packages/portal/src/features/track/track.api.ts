import { unwrap, type paths } from '@tongban/client';
import { tongbanApi } from '@tongban/ui';
import type { BundleApplication } from '../bundle/bundle.api.js';

type Json<Path extends keyof paths, Method extends 'get' | 'post'> = paths[Path][Method] extends {
  responses: { 200: { content: { 'application/json': infer Body } } };
}
  ? Body
  : paths[Path][Method] extends { responses: { 201: { content: { 'application/json': infer Body } } } }
    ? Body
    : never;

/** A bundle application in my list. */
export type MyBundle = Json<'/api/me/bundles', 'get'>['items'][number];
/** A single application (a case) in my list. */
export type MyCase = Json<'/api/cases/mine', 'get'>['items'][number];
/** One case as its applicant sees it: the request for supplements, the data (sensitive values masked). */
export type ApplicantCase = Json<'/api/cases/{id}', 'get'>;
export type Score = 'good' | 'average' | 'bad';

/** A message to me (a request for supplements, a decision), worded in my language by the server. */
export type Message = Json<'/api/notifications', 'get'>['items'][number];

export interface MyApplications {
  bundles: MyBundle[];
  /** The newest messages from departments about my applications. */
  messages: Message[];
  /** Applications for one matter, those a bundle started left out (they show under their bundle). */
  cases: MyCase[];
}

/** Everything I applied for, newest first. */
export async function loadMyApplications(): Promise<MyApplications> {
  const api = tongbanApi();
  const [bundles, cases, messages] = await Promise.all([
    unwrap(api.GET('/api/me/bundles', { params: { query: { limit: 100 } } })),
    unwrap(api.GET('/api/cases/mine')),
    unwrap(api.GET('/api/notifications', { params: { query: { limit: 10 } } })),
  ]);
  const trackers = await Promise.all(bundles.items.map((bundle) => loadApplication(bundle.id)));
  const inBundles = new Set(trackers.flatMap((tracker) => tracker.items.map((item) => item.caseId)));
  return {
    bundles: bundles.items,
    messages: messages.items,
    cases: cases.items.filter((kase) => !inBundles.has(kase.id)),
  };
}

export function loadApplication(id: string): Promise<BundleApplication> {
  return unwrap(tongbanApi().GET('/api/bundle-applications/{id}', { params: { path: { id } } }));
}

export function loadCase(id: string): Promise<ApplicantCase> {
  return unwrap(tongbanApi().GET('/api/cases/{id}', { params: { path: { id } } }));
}

/** Sends what the department asked for; the server checks the whole application again with it. */
export function answerSupplement(caseId: string, data: Record<string, unknown>): Promise<ApplicantCase> {
  return unwrap(
    tongbanApi().POST('/api/cases/{id}/supplements', {
      params: { path: { id: caseId } },
      body: { data: data as Record<string, never> },
    }),
  );
}

/** A case's rating, or null until it is rated. */
export async function loadCaseRating(
  caseId: string,
): Promise<{ score: Score; reason: string | null } | null> {
  return unwrap(tongbanApi().GET('/api/cases/{id}/rating', { params: { path: { id: caseId } } }));
}

export async function rateCase(caseId: string, score: Score, reason: string | undefined): Promise<void> {
  await unwrap(
    tongbanApi().POST('/api/cases/{id}/rating', {
      params: { path: { id: caseId } },
      body: { score, ...(reason ? { reason } : {}) },
    }),
  );
}

export async function rateApplication(id: string, score: Score, reason: string | undefined): Promise<void> {
  await unwrap(
    tongbanApi().POST('/api/bundle-applications/{id}/rating', {
      params: { path: { id } },
      body: { score, ...(reason ? { reason } : {}) },
    }),
  );
}
