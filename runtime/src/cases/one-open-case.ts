import {
  oneOpenCaseField,
  pointer,
  type FormDefinition,
  type LocalizedText,
  type MatterDefinition,
} from '@tongban/engine';
import type { Actor } from '../auth/actor.js';
import type { AuditKey } from '../audit/audit-key.js';
import type { RunStatement } from '../db/database.js';
import { ApiError, type ErrorDetail } from '../errors/api-error.js';

/**
 * One open case per person and matter (重复申报, decision 0022). A matter's `oneOpenCasePer` names the
 * data element that identifies the person (an ID number); a case of that matter holds a slot, the keyed
 * hash of (matter, value), in `cases.one_open_key` while it is active. A unique index over active cases
 * makes a second start with the same slot fail inside its own transaction, so two simultaneous
 * submissions cannot both pass; the pre-check below only spares the common case the failed write.
 */
export interface OpenSlot {
  /** HMAC of (purpose, matter, value) under the installation's key: the clear value is never stored. */
  key: string;
  /** The field of the matter's application form that holds the value. */
  field: string;
  matter: MatterDefinition;
  /** How to name the value in a sentence ("this ID number"). */
  fieldName: LocalizedText;
}

/** A slot wanted by a start and where its value is in the data the caller submitted. */
export interface WantedSlot {
  slot: OpenSlot;
  /** JSON pointer of the value in the submitted data (a bundle's: in the combined form's data). */
  path: string;
}

/** Separates these hashes from the audit chain's, which the same key makes. */
const purpose = 'tongban.one-open-case.v1';

/** The slot a new case of `matter` with `data` takes, or undefined when the matter has no such rule. */
export function openSlotOf(
  key: AuditKey,
  matter: MatterDefinition,
  form: FormDefinition | undefined,
  data: Record<string, unknown>,
): OpenSlot | undefined {
  const element = matter.oneOpenCasePer;
  if (element === undefined || form === undefined) return undefined;
  const field = oneOpenCaseField(form, element);
  if (field === undefined) return undefined;
  const value = data[field];
  // a form that leaves the field optional and a resident who left it out: nobody to compare with
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  return {
    // the same person written two ways (a lower-case check letter x, full-width digits) is one person
    key: key.mac([purpose, matter.key, value.normalize('NFKC').trim().toUpperCase()]),
    field,
    matter,
    fieldName: fieldNameOf(form, field),
  };
}

/** The field's title as the forms write it ("身份证号 / ID number"), one language each. */
function fieldNameOf(form: FormDefinition, field: string): LocalizedText {
  const properties = form.schema.properties as Record<string, { title?: unknown }> | undefined;
  const title = properties?.[field]?.title;
  if (typeof title !== 'string' || title.trim() === '') return { 'zh-CN': field, en: field };
  const [zh, en] = title.split(' / ');
  return en === undefined ? { 'zh-CN': title, en: title } : { 'zh-CN': zh ?? title, en: lowerFirst(en) };
}

const lowerFirst = (text: string) =>
  // "ID number" stays as it is; "Passport number" reads "passport number" mid-sentence
  /^[A-Z][a-z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;

/** Where a field of a matter's form is in a bundle's combined data: `from` as the combined form maps it. */
export const pathOf = (from: readonly string[]): string => pointer('', ...from);

interface Holder {
  id: string;
  applicant_id: string | null;
  one_open_key: string;
}

/** The active cases holding any of `wanted`'s slots. */
export async function slotHolders(run: RunStatement, wanted: readonly WantedSlot[]): Promise<Holder[]> {
  if (wanted.length === 0) return [];
  return run<Holder>(
    `select id, applicant_id, one_open_key from cases
     where status = 'active' and one_open_key = any($1::text[])`,
    [`{${wanted.map((item) => item.slot.key).join(',')}}`],
  );
}

/** Refuses a start whose slots are taken, before anything is written. */
export async function assertSlotsFree(
  run: RunStatement,
  actor: Actor | null,
  wanted: readonly WantedSlot[],
): Promise<void> {
  const holders = await slotHolders(run, wanted);
  if (holders.length > 0) throw slotsTaken(actor, wanted, holders);
}

/**
 * The 422 a taken slot gets: one detail per field, at the value's path in the submitted data, naming
 * the case that holds it only to the applicant whose case it is (to anyone else it is not there).
 */
export function slotsTaken(
  actor: Actor | null,
  wanted: readonly WantedSlot[],
  holders: readonly Holder[],
): ApiError {
  const details: ErrorDetail[] = [];
  for (const { slot, path } of wanted) {
    const holder = holders.find((candidate) => candidate.one_open_key === slot.key);
    // lost a race to a case that closed again since: still taken when we tried, said without a number
    if (holder === undefined && holders.length > 0) continue;
    const own = holder !== undefined && actor !== null && holder.applicant_id === actor.userId;
    details.push({ path, message: takenMessage(slot, own ? holder.id : undefined) });
  }
  return new ApiError('TB_FORM_DATA_INVALID', {}, details);
}

function takenMessage(slot: OpenSlot, caseId: string | undefined): LocalizedText {
  const title = slot.matter.title;
  const name = slot.fieldName;
  return {
    'zh-CN':
      `“${title['zh-CN']}”已有一件使用此${name['zh-CN']}的申请正在办理` +
      (caseId === undefined ? '' : `（案件编号 ${caseId}）`) +
      '，办结后才能再次申请',
    en:
      `An application for "${title.en}" with this ${name.en} is already being handled` +
      (caseId === undefined ? '' : ` (case ${caseId})`) +
      '; you can apply again once it is closed',
  };
}

/** Whether a write failed because another case took one of its slots first (the unique index). */
export function isSlotTaken(error: unknown): boolean {
  for (let cause = error, depth = 0; cause !== undefined && cause !== null && depth < 5; depth++) {
    const { code, message, constraint, constraint_name } = cause as {
      code?: unknown;
      message?: unknown;
      constraint?: unknown;
      constraint_name?: unknown;
    };
    if (
      code === '23505' &&
      (constraint === 'cases_one_open' ||
        constraint_name === 'cases_one_open' ||
        (typeof message === 'string' && message.includes('cases_one_open')))
    )
      return true;
    cause = (cause as { cause?: unknown }).cause;
  }
  return false;
}
