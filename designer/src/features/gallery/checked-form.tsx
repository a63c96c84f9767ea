import type { JsonSchema, UISchemaElement } from '@jsonforms/core';
import { TongbanForm, type FormStatus } from '@tongban/ui';

export interface CheckedFormProps {
  schema: JsonSchema;
  uischema?: UISchemaElement;
  data: unknown;
  onStatus(status: FormStatus): void;
}

/**
 * The form with every problem shown, telling its owner the renderer set's verdict: the very validation a
 * resident's browser runs (a chunk of its own, as the gallery's preview is).
 */
export default function CheckedForm({ schema, uischema, data, onStatus }: CheckedFormProps) {
  return (
    <TongbanForm
      schema={schema}
      {...(uischema ? { uischema } : {})}
      data={data}
      showAllErrors
      onChange={(_data, status) => onStatus(status)}
    />
  );
}
