import type { JsonSchema, UISchemaElement } from '@jsonforms/core';
import { TongbanForm } from '@tongban/ui';

export interface FormPreviewProps {
  schema: JsonSchema;
  uischema?: UISchemaElement;
  data: unknown;
  onChange(data: unknown): void;
}

/**
 * One form rendered by Tongban's renderer set (<TongbanForm>), as residents and staff will see it. Loaded
 * as a chunk of its own (the gallery imports it lazily), so the renderer set's weight can be measured apart.
 */
export default function FormPreview({ schema, uischema, data, onChange }: FormPreviewProps) {
  return <TongbanForm schema={schema} {...(uischema ? { uischema } : {})} data={data} onChange={onChange} />;
}
