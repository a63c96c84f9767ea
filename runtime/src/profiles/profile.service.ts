import { and, asc, eq } from 'drizzle-orm';
import { valueAt, type CombinedForm, type FormDefinition, type JsonSchemaObject } from '@tongban/engine';
import type { Actor } from '../auth/actor.js';
import type { Database, Statement } from '../db/database.js';
import { profileElements } from '../db/schema.js';

/**
 * The statement that keeps a resident's confirmed elements (null for anyone else, or nothing to keep),
 * to run in the transaction that submits them.
 */
export function rememberStatement(actor: Actor, values: ElementValue[], now: Date): Statement | null {
  // a choice belongs to one application (which services, this time), not to the person
  const kept = values.filter((entry) => !entry.element.startsWith('choice.'));
  if (!actor.has('resident') || kept.length === 0) return null;
  return {
    // values travel as JSON text and are kept wrapped ({ v }): a bare JSON string such as a phone number
    // comes back from drizzle's jsonb column parsed a second time, as a number
    text: `insert into profile_elements (user_id, element, value, sensitive, confirmed_at)
           select $1::uuid, x.element, jsonb_build_object('v', x.value::jsonb), x.sensitive, $3::timestamptz
           from jsonb_to_recordset($2::jsonb) as x(element text, value text, sensitive boolean)
           on conflict (user_id, element) do update
             set value = excluded.value, sensitive = excluded.sensitive, confirmed_at = excluded.confirmed_at`,
    params: [
      actor.userId,
      JSON.stringify(kept.map((entry) => ({ ...entry, value: JSON.stringify(entry.value) }))),
      now.toISOString(),
    ],
  };
}

export interface ElementValue {
  element: string;
  value: unknown;
  sensitive: boolean;
}

/** What was prefilled, so the form can show it as such (and the resident change it). */
export interface Prefill {
  data: Record<string, unknown>;
  prefilled: Array<{ path: string; element: string; sensitive: boolean }>;
}

/**
 * Collect once (一次采集、多方复用): what a signed-in resident submits under a data element is kept in
 * their profile and prefills their next application, matter or bundle. Only residents have a profile,
 * and only signed in: nothing is ever prefilled for someone the server does not know.
 */
export class ProfileService {
  constructor(private readonly deps: { db: Database }) {}

  /** The data elements of a form's data (its `x-element` fields that were answered). */
  static elementsOfForm(form: FormDefinition, data: Record<string, unknown>): ElementValue[] {
    const properties = (form.schema.properties ?? {}) as Record<string, JsonSchemaObject>;
    return Object.entries(properties).flatMap(([field, schema]) => {
      const element = schema['x-element'];
      const value = data[field];
      return typeof element === 'string' && value !== undefined && value !== null && value !== ''
        ? [{ element, value, sensitive: schema['x-sensitive'] === true }]
        : [];
    });
  }

  /** The data elements of a bundle application's combined data. */
  static elementsOfCombined(form: CombinedForm, data: Record<string, unknown>): ElementValue[] {
    return form.elements.flatMap((element) => {
      const value = valueAt(data, element.path);
      return value !== undefined && value !== null && value !== ''
        ? [{ element: element.element, value, sensitive: element.sensitive }]
        : [];
    });
  }

  async list(actor: Actor) {
    const rows = await this.deps.db
      .select({
        element: profileElements.element,
        value: profileElements.value,
        sensitive: profileElements.sensitive,
        confirmedAt: profileElements.confirmedAt,
      })
      .from(profileElements)
      .where(eq(profileElements.userId, actor.userId))
      .orderBy(asc(profileElements.element));
    return rows.map((row) => ({ ...row, value: (row.value as { v?: unknown } | null)?.v ?? null }));
  }

  async forget(actor: Actor, element?: string): Promise<number> {
    const removed = await this.deps.db
      .delete(profileElements)
      .where(
        element === undefined
          ? eq(profileElements.userId, actor.userId)
          : and(eq(profileElements.userId, actor.userId), eq(profileElements.element, element)),
      )
      .returning();
    return removed.length;
  }

  /** A matter form's data from the profile: each field whose element the resident has confirmed before. */
  async prefillForm(actor: Actor, form: FormDefinition): Promise<Prefill> {
    const known = new Map((await this.list(actor)).map((entry) => [entry.element, entry]));
    const data: Record<string, unknown> = {};
    const prefilled: Prefill['prefilled'] = [];
    for (const [field, schema] of Object.entries(
      (form.schema.properties ?? {}) as Record<string, JsonSchemaObject>,
    )) {
      const element = schema['x-element'];
      const entry = typeof element === 'string' ? known.get(element) : undefined;
      if (!entry) continue;
      data[field] = entry.value;
      prefilled.push({ path: `/${field}`, element: entry.element, sensitive: entry.sensitive });
    }
    return { data, prefilled };
  }

  /** A bundle's combined data from the profile, element by element. */
  async prefillCombined(actor: Actor, form: CombinedForm): Promise<Prefill> {
    const known = new Map((await this.list(actor)).map((entry) => [entry.element, entry]));
    const data: Record<string, unknown> = {};
    const prefilled: Prefill['prefilled'] = [];
    for (const element of form.elements) {
      const entry = known.get(element.element);
      if (!entry) continue;
      let node = data;
      element.path.slice(0, -1).forEach((segment) => {
        node = (node[segment] ??= {}) as Record<string, unknown>;
      });
      node[element.path[element.path.length - 1] as string] = entry.value;
      prefilled.push({
        path: `/${element.path.join('/')}`,
        element: element.element,
        sensitive: entry.sensitive,
      });
    }
    return { data, prefilled };
  }
}
