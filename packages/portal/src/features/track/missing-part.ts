/** What a request for supplements asks of the application form. */
export interface MissingPart {
  /** The form cut down to the fields asked for (their own rules kept), or null when none is a field. */
  schema: Record<string, unknown> | null;
  /** The answers given so far to those fields (a masked value is not an answer: it is asked again). */
  data: Record<string, unknown>;
  /** What was asked that is no field of the form: materials, named as the clerk wrote them. */
  materials: string[];
}

/**
 * The part of an application a department asked for again: each item naming a field of the form (by
 * its key, or its title in either language) becomes that field; anything else is a material to bring.
 */
export function missingPart(
  schema: Record<string, unknown>,
  items: readonly string[],
  data: Record<string, unknown>,
  masked: readonly string[],
): MissingPart {
  const properties = (schema.properties ?? {}) as Record<string, Record<string, unknown>>;
  const byTitle = new Map<string, string>();
  for (const [key, property] of Object.entries(properties)) {
    const title = property.title;
    if (typeof title === 'string') for (const part of title.split(' / ')) byTitle.set(part.trim(), key);
  }
  const fields: string[] = [];
  const materials: string[] = [];
  for (const item of items) {
    const field = Object.hasOwn(properties, item) ? item : byTitle.get(item.trim());
    if (field && !fields.includes(field)) fields.push(field);
    else if (!field) materials.push(item);
  }
  if (fields.length === 0) return { schema: null, data: {}, materials };
  const hidden = new Set(masked.map((pointer) => pointer.split('/')[1]));
  return {
    schema: {
      ...(schema.$defs ? { $defs: schema.$defs } : {}),
      ...(schema.definitions ? { definitions: schema.definitions } : {}),
      type: 'object',
      properties: Object.fromEntries(fields.map((field) => [field, properties[field]])),
      // what the department asked for is needed now, even where the form first let it be left out
      required: fields,
    },
    data: Object.fromEntries(
      fields
        .filter((field) => data[field] !== undefined && !hidden.has(field))
        .map((field) => [field, data[field]]),
    ),
    materials,
  };
}
