import {
  findUISchema,
  Generate,
  isObjectControl,
  rankWith,
  type StatePropsOfControlWithDetail,
  type GroupLayout,
} from '@jsonforms/core';
import { JsonFormsDispatch, withJsonFormsDetailProps } from '@jsonforms/react';
import { useMemo } from 'react';

/**
 * An object as a group of its fields: the form's own layout for it when it has one registered, else
 * a Group titled with the object's label (a vertical layout at the root), as JSON Forms generates.
 */
function ObjectControl({
  renderers,
  cells,
  uischemas,
  schema,
  label,
  path,
  visible,
  enabled,
  uischema,
  rootSchema,
}: StatePropsOfControlWithDetail) {
  const detail = useMemo(
    () =>
      findUISchema(
        uischemas ?? [],
        schema,
        uischema.scope,
        path,
        () =>
          path === ''
            ? Generate.uiSchema(schema, 'VerticalLayout', undefined, rootSchema)
            : ({ ...Generate.uiSchema(schema, 'Group', undefined, rootSchema), label } as GroupLayout),
        uischema,
        rootSchema,
      ),
    [uischemas, schema, uischema, path, label, rootSchema],
  );
  if (!visible) return null;
  return (
    <JsonFormsDispatch
      visible={visible}
      enabled={enabled}
      schema={schema}
      uischema={detail}
      path={path}
      renderers={renderers}
      cells={cells}
    />
  );
}

export const objectControlTester = rankWith(2, isObjectControl);
export const ObjectControlRenderer = withJsonFormsDetailProps(ObjectControl);
