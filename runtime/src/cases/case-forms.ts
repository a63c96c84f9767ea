import {
  maskPointers,
  sensitivePointersOf,
  sensitiveValues,
  type Catalog,
  type CompiledWorkflow,
  type FormDefinition,
} from '@tongban/engine';
import { ApiError } from '../errors/api-error.js';
import { mask } from './case-access.js';

/** The form a case's application was filled in on: its matter's, else its workflow's. */
export function applicationFormOf(
  catalog: Catalog,
  row: { matterKey: string | null; workflowKey: string },
): FormDefinition | undefined {
  const key = row.matterKey
    ? catalog.get('matter', row.matterKey)?.form
    : catalog.get('workflow', row.workflowKey)?.form;
  return key === undefined ? undefined : catalog.get('form', key);
}

const patternCache = new WeakMap<CompiledWorkflow, Map<string, string[]>>();

/**
 * Every form that can write into a case's data: the application form (the resident's answers and
 * supplements) and the forms of its workflow's tasks, in the version the case runs on. Their sensitive
 * places, at every depth, are what is masked.
 */
export function caseSensitivePointers(
  catalog: Catalog,
  row: { matterKey: string | null; workflowKey: string },
  workflow: CompiledWorkflow,
): string[] {
  let byMatter = patternCache.get(workflow);
  if (!byMatter) {
    byMatter = new Map();
    patternCache.set(workflow, byMatter);
  }
  const application = applicationFormOf(catalog, row);
  const cacheKey = `${row.matterKey ?? ''}|${application?.key ?? ''}@${application?.version ?? ''}`;
  const cached = byMatter.get(cacheKey);
  if (cached) return cached;
  const forms = [application];
  for (const task of workflow.tasks.values())
    if (task.spec.form !== undefined) forms.push(catalog.get('form', task.spec.form));
  const patterns = sensitivePointersOf(forms.flatMap((form) => (form ? [form.schema] : [])));
  byMatter.set(cacheKey, patterns);
  return patterns;
}

/**
 * The application's own part of a case's data: the fields its form declares at the top. The rest
 * (task forms' answers, values the workflow set) is not the application's and is not validated as it.
 */
export function applicationPart(
  form: FormDefinition,
  data: Record<string, unknown>,
): Record<string, unknown> {
  const declared = Object.keys((form.schema.properties as object | undefined) ?? {});
  return Object.fromEntries(
    declared.filter((name) => Object.hasOwn(data, name)).map((name) => [name, data[name]]),
  );
}

export interface MaskedCaseData {
  data: Record<string, unknown>;
  /** Concrete pointers of the values masked in `data`. */
  masked: string[];
}

/** Case data with every sensitive value masked but those in `revealed` (concrete pointers). */
export function maskCaseData(
  data: Record<string, unknown>,
  patterns: string[],
  revealed: ReadonlySet<string> = new Set(),
): MaskedCaseData {
  const places = sensitiveValues(data, patterns)
    .map((place) => place.pointer)
    .filter((pointer) => !revealed.has(pointer));
  return maskPointers(data, places, mask);
}

/**
 * The pointers a reveal may name: the sensitive places present in the data. Anything else is a 400
 * that names it, so a mistyped pointer is not mistaken for "nothing sensitive there".
 */
export function assertRevealable(data: Record<string, unknown>, patterns: string[], reveal: string[]): void {
  const present = new Set(sensitiveValues(data, patterns).map((place) => place.pointer));
  const unknown = reveal.filter((pointer) => !present.has(pointer));
  if (unknown.length > 0)
    throw new ApiError(
      'TB_REQUEST_INVALID',
      {},
      unknown.map((pointer) => ({
        path: '/querystring/reveal',
        message: {
          'zh-CN': `“${pointer}”不是本案件中的敏感信息`,
          en: `"${pointer}" is not a sensitive field of this case`,
        },
      })),
    );
}

/**
 * Masks values copied out of a case (into a notification, for instance): any string that holds one of
 * the case's sensitive values is masked, whichever expression put it there.
 */
export function maskCopies(value: unknown, caseData: Record<string, unknown>, patterns: string[]): unknown {
  const secrets = sensitiveValues(caseData, patterns)
    .map((place) => place.value)
    .filter((secret) => secret !== null && secret !== undefined);
  if (secrets.length === 0) return value;
  const strings = secrets.filter(
    (secret): secret is string => typeof secret === 'string' && secret.length >= 4,
  );
  const others = secrets
    .filter((secret) => typeof secret !== 'string')
    .map((secret) => JSON.stringify(secret));
  const visit = (current: unknown): unknown => {
    if (typeof current === 'string') {
      if (secrets.includes(current)) return mask(current);
      let text = current;
      for (const secret of strings)
        if (text.includes(secret)) text = text.replaceAll(secret, String(mask(secret)));
      return text;
    }
    if (current !== null && typeof current === 'object') {
      if (others.includes(JSON.stringify(current))) return mask(current);
      if (Array.isArray(current)) return current.map(visit);
      return Object.fromEntries(Object.entries(current).map(([key, inner]) => [key, visit(inner)]));
    }
    if (current !== null && current !== undefined && others.includes(JSON.stringify(current)))
      return mask(current);
    return current;
  };
  return visit(value);
}
