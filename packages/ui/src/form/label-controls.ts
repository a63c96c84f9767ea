import type { UISchemaElement } from '@jsonforms/core';

/**
 * Names the controls of a generated item or branch that have no label of their own: a single value (a
 * list of strings, one branch of an anyOf) has no title, and every input needs a label. JSON Forms'
 * generated layout may wrap the one control in a layout, so layouts are followed.
 */
export function labelControls(uischema: UISchemaElement, name: string): UISchemaElement {
  const elements = (uischema as { elements?: UISchemaElement[] }).elements;
  if (Array.isArray(elements))
    return {
      ...uischema,
      elements: elements.map((element) => labelControls(element, name)),
    } as UISchemaElement;
  if (uischema.type !== 'Control' || typeof (uischema as { label?: unknown }).label === 'string')
    return uischema;
  return { ...uischema, label: name } as UISchemaElement;
}
