import type { JsonFormsRendererRegistryEntry, JsonSchema, UISchemaElement } from '@jsonforms/core';
import { JsonForms } from '@jsonforms/react';
import { createFormAjv, sensitivePointers, sensitiveValues, type JsonSchemaObject } from '@tongban/engine';
import { useMemo } from 'react';
import { renderers as tongbanRenderers } from '../../form/renderers.js';
import type { FormAjv } from '../../form/types.js';
import { useFormI18n } from '../../form/use-form-i18n.js';
import { ReadonlyContext, type ReadonlySettings } from './readonly-context.js';
import { ValueControlRenderer, valueControlTester } from './value.control.js';

export interface TongbanReadonlyFormProps {
  schema: JsonSchema;
  uischema?: UISchemaElement;
  /** The answers, as the runtime returns them (sensitive values masked unless revealed). */
  data: unknown;
  /** JSON pointers the viewer has revealed (their real values are in `data`). */
  revealed?: readonly string[];
  /** Asks for one sensitive value (the runtime's audited GET /api/cases/:id?reveal=<pointer>). */
  onReveal?: (pointer: string) => void | Promise<void>;
  /** Renderers to add (ranked above 100 to override how a field reads). */
  renderers?: readonly JsonFormsRendererRegistryEntry[];
}

const noPointers: readonly string[] = [];
const noRenderers: readonly JsonFormsRendererRegistryEntry[] = [];
const readonlyEntry: JsonFormsRendererRegistryEntry = {
  tester: valueControlTester,
  renderer: ValueControlRenderer,
};

/**
 * The same form for staff to read: its layout, groups, lists and steps as the resident saw them,
 * each answer as words instead of an input; sensitive answers (`x-sensitive`, at any depth) masked,
 * each with a "show" that asks the app for it.
 */
export function TongbanReadonlyForm({
  schema,
  uischema,
  data,
  revealed = noPointers,
  onReveal,
  renderers = noRenderers,
}: TongbanReadonlyFormProps) {
  const i18n = useFormI18n();
  const ajv = useMemo(() => createFormAjv() as unknown as FormAjv, [schema]);
  const registry = useMemo(() => [...tongbanRenderers, readonlyEntry, ...renderers], [renderers]);
  const patterns = useMemo(() => sensitivePointers(schema as JsonSchemaObject), [schema]);
  const settings = useMemo<ReadonlySettings>(
    () => ({
      sensitive: new Set(sensitiveValues(data, patterns).map((place) => place.pointer)),
      revealed: new Set(revealed),
      onReveal,
    }),
    [data, patterns, revealed, onReveal],
  );
  return (
    <ReadonlyContext.Provider value={settings}>
      <JsonForms
        schema={schema}
        uischema={uischema}
        data={data}
        renderers={registry}
        ajv={ajv}
        i18n={i18n}
        readonly
        validationMode="NoValidation"
      />
    </ReadonlyContext.Provider>
  );
}
