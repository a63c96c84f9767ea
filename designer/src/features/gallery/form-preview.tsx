import { JsonForms } from '@jsonforms/react';
import type { JsonSchema, UISchemaElement } from '@jsonforms/core';
import { renderers } from '@tongban/ui';

export interface FormPreviewProps {
  schema: JsonSchema;
  uischema?: UISchemaElement;
  data: unknown;
  onChange(data: unknown): void;
}

/**
 * One form rendered by Tongban's renderer set, as residents and staff will see it. Loaded as a chunk of
 * its own (the gallery imports it lazily), so the renderer set's weight can be measured apart.
 */
export default function FormPreview({ schema, uischema, data, onChange }: FormPreviewProps) {
  return (
    <JsonForms
      schema={schema}
      {...(uischema ? { uischema } : {})}
      data={data}
      renderers={renderers}
      onChange={(state) => onChange(state.data)}
    />
  );
}
