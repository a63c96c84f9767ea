import type {
  JsonFormsCellRendererRegistryEntry,
  JsonFormsRendererRegistryEntry,
  JsonSchema,
  UISchemaElement,
} from '@jsonforms/core';
import { JsonFormsDispatch } from '@jsonforms/react';

export interface LayoutChildrenProps {
  elements: readonly UISchemaElement[];
  schema: JsonSchema;
  path: string;
  enabled: boolean;
  renderers?: JsonFormsRendererRegistryEntry[];
  cells?: JsonFormsCellRendererRegistryEntry[];
}

/** A layout's elements, each dispatched to the renderer that ranks highest for it. */
export function layoutChildren({ elements, schema, path, enabled, renderers, cells }: LayoutChildrenProps) {
  return elements.map((element, index) => (
    <JsonFormsDispatch
      key={`${path}:${index}`}
      uischema={element}
      schema={schema}
      path={path}
      enabled={enabled}
      renderers={renderers}
      cells={cells}
    />
  ));
}
