import type { Ajv, ErrorObject } from 'ajv';

/**
 * `uniqueItems` in time linear in the list: each item is reduced to one text that equal JSON values
 * share (object keys sorted) and looked up in a map. Ajv's own keyword compares every pair of items
 * whose type it cannot tell from the schema: a 549 KB list of objects took 29 s (decision 0015). The
 * meta-schema's `enum` is `uniqueItems` too, so a long `enum` no longer makes compiling quadratic.
 *
 * Errors are ajv's: keyword `uniqueItems`, params `{ i, j }` (the last item that repeats an earlier
 * one, and the nearest earlier one it repeats), the same message.
 */
export function useLinearUniqueItems(ajv: Ajv): Ajv {
  ajv.removeKeyword('uniqueItems');
  const validate = (data: unknown): boolean => {
    validate.errors = undefined;
    if (!Array.isArray(data)) return true;
    // ajv reports the last item that repeats an earlier one (i) and the nearest such earlier one (j)
    const last = new Map<string, number>();
    let found: { i: number; j: number } | undefined;
    for (let i = 0; i < data.length; i++) {
      const key = jsonKey(data[i]);
      const j = last.get(key);
      if (j !== undefined) found = { i, j };
      last.set(key, i);
    }
    if (found === undefined) return true;
    validate.errors = [
      {
        keyword: 'uniqueItems',
        message: `must NOT have duplicate items (items ## ${found.j} and ${found.i} are identical)`,
        params: found,
      },
    ];
    return false;
  };
  validate.errors = undefined as Partial<ErrorObject>[] | undefined;
  ajv.addKeyword({
    keyword: 'uniqueItems',
    type: 'array',
    schemaType: 'boolean',
    errors: true,
    // `uniqueItems: false` asks nothing
    compile: (unique: boolean) => (unique ? validate : () => true),
  });
  return ajv;
}

/** One text per JSON value, the same for values JSON Schema calls equal (`{a,b}` and `{b,a}`, 1 and 1.0). */
export function jsonKey(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'undefined';
  if (Array.isArray(value)) return `[${value.map(jsonKey).join(',')}]`;
  const record = value as Record<string, unknown>;
  return `{${Object.keys(record)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${jsonKey(record[key])}`)
    .join(',')}}`;
}
