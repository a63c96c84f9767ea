import type { JsonSchema, UISchemaElement } from '@jsonforms/core';

/** One of JSON Forms' own examples whose schema root is an object (a form we take). */
export interface GalleryExample {
  name: string;
  label: string;
  schema: JsonSchema;
  uischema?: UISchemaElement;
  data: unknown;
}

/**
 * The object-rooted examples of @jsonforms/examples, loaded only when asked for (a chunk of its own, so
 * they weigh nothing on the designer's first page).
 */
export async function objectRootedExamples(): Promise<GalleryExample[]> {
  const { getExamples } = await import('@jsonforms/examples');
  return getExamples()
    .filter((example) => (example.schema as { type?: unknown } | undefined)?.type === 'object')
    .map((example) => ({
      name: example.name,
      label: example.label,
      schema: example.schema as JsonSchema,
      ...(example.uischema ? { uischema: example.uischema as UISchemaElement } : {}),
      data: example.data as unknown,
    }));
}
