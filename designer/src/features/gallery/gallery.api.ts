import { TongbanApiError, unwrap } from '@tongban/client';
import type { JsonSchema, UISchemaElement } from '@jsonforms/core';
import { api } from '../api/client.js';

/** A title in both languages, as definitions carry it. */
export type LocalizedText = Record<'zh-CN' | 'en', string>;

/** A published form as the gallery shows it. */
export interface GalleryForm {
  key: string;
  version: number;
  title: LocalizedText;
  schema: JsonSchema;
  uischema?: UISchemaElement;
}

interface DefinitionSummary {
  kind: string;
  key: string;
  version: number;
  status: string;
}

/** A list answer: `{ items }` (the API's list shape) or a bare array (before it). */
function itemsOf(answer: unknown): unknown[] {
  if (Array.isArray(answer)) return answer;
  const items = (answer as { items?: unknown } | null)?.items;
  return Array.isArray(items) ? items : [];
}

function isSummary(value: unknown): value is DefinitionSummary {
  const row = value as Partial<DefinitionSummary> | null;
  return typeof row?.key === 'string' && typeof row.version === 'number' && typeof row.status === 'string';
}

/** The version in force of every published form: the highest published version of each key. */
export async function listPublishedForms(): Promise<Array<{ key: string; version: number }>> {
  const answer: unknown = await unwrap(api.GET('/api/definitions', { params: { query: { kind: 'form' } } }));
  const newest = new Map<string, number>();
  for (const row of itemsOf(answer).filter(isSummary)) {
    if (row.status !== 'published') continue;
    newest.set(row.key, Math.max(row.version, newest.get(row.key) ?? 0));
  }
  return [...newest].map(([key, version]) => ({ key, version })).sort((a, b) => a.key.localeCompare(b.key));
}

/** One form's body (`{ body }` as the API answers one version). */
export async function loadForm(key: string, version: number): Promise<GalleryForm> {
  const answer: unknown = await unwrap(
    api.GET('/api/definitions/{kind}/{key}/{version}', { params: { path: { kind: 'form', key, version } } }),
  );
  const body = ((answer as { body?: unknown } | null)?.body ?? answer) as GalleryForm;
  return {
    key,
    version,
    title: body.title,
    schema: body.schema,
    ...(body.uischema ? { uischema: body.uischema } : {}),
  };
}

/** The version in force of one published form, by key. */
export async function loadPublishedForm(key: string): Promise<GalleryForm | undefined> {
  const form = (await listPublishedForms()).find((entry) => entry.key === key);
  return form ? loadForm(form.key, form.version) : undefined;
}

/** Whether an error means: sign in (as an administrator) first. */
export function needsSignIn(error: unknown): boolean {
  return error instanceof TongbanApiError && (error.status === 401 || error.status === 403);
}
