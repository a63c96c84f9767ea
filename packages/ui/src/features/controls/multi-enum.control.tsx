import {
  and,
  hasType,
  resolveSchema,
  schemaMatches,
  schemaSubPathMatches,
  uiTypeIs,
  rankWith,
  type ControlProps,
  type JsonSchema,
  type OwnPropsOfEnum,
} from '@jsonforms/core';
import { withJsonFormsMultiEnumProps } from '@jsonforms/react';
import { Checkbox, Stack } from '@mantine/core';
import { fieldProps } from './field-props.js';

const hasChoices = (schema: JsonSchema): boolean =>
  Array.isArray(schema.enum) ||
  (Array.isArray(schema.oneOf) && schema.oneOf.every((option) => option.const !== undefined));

/** A list of distinct choices from a fixed set (`type: array`, `uniqueItems`, items with `enum` / `oneOf`). */
export const multiEnumControlTester = rankWith(
  5,
  and(
    uiTypeIs('Control'),
    and(
      schemaMatches(
        (schema) => hasType(schema, 'array') && !Array.isArray(schema.items) && schema.uniqueItems === true,
      ),
      schemaSubPathMatches('items', (schema, rootSchema) =>
        hasChoices((schema.$ref ? resolveSchema(rootSchema, schema.$ref, rootSchema) : schema) ?? {}),
      ),
    ),
  ),
);

/** Several choices: one checkbox each, all in view; none chosen is no answer. */
function MultiEnumControl(props: ControlProps & OwnPropsOfEnum) {
  const { data, handleChange, path, visible } = props;
  const options = props.options ?? [];
  if (!visible) return null;
  // aria-required is not allowed on the div Mantine gives the group's attributes (axe: aria-allowed-attr)
  const { id, disabled, 'aria-required': _required, ...group } = fieldProps(props);
  const chosen = Array.isArray(data) ? data : [];
  const value = options.flatMap((option, index) => (chosen.includes(option.value) ? [String(index)] : []));
  const onChange = (indexes: string[]) => {
    // in the order of the choices, whatever order they were ticked in
    const values = options
      .filter((_, index) => indexes.includes(String(index)))
      .map((option) => option.value);
    handleChange(path, values.length === 0 ? undefined : values);
  };
  return (
    <Checkbox.Group {...group} id={id} value={value} onChange={onChange}>
      <Stack gap={0} mt={4}>
        {options.map((option, index) => (
          <Checkbox key={index} value={String(index)} label={option.label} disabled={disabled} />
        ))}
      </Stack>
    </Checkbox.Group>
  );
}

export const MultiEnumControlRenderer = withJsonFormsMultiEnumProps(MultiEnumControl);
