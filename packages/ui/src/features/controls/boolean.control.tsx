import { isBooleanControl, rankWith, type ControlProps } from '@jsonforms/core';
import { withJsonFormsControlProps } from '@jsonforms/react';
import { Checkbox, Switch } from '@mantine/core';
import { fieldProps } from './field-props.js';

/** Yes or no: a checkbox, or a switch with `options.toggle`; the whole label is the target. */
function BooleanControl(props: ControlProps) {
  const { data, handleChange, path, visible, uischema } = props;
  if (!visible) return null;
  const { withAsterisk: _asterisk, ...field } = fieldProps(props);
  const common = {
    ...field,
    // a form may hide the label (`label: false`); the box still needs a name: the title, else the key
    ...(field.label ? {} : { 'aria-label': hiddenLabel(props) }),
    checked: data === true,
    onChange: (event: { currentTarget: { checked: boolean } }) =>
      handleChange(path, event.currentTarget.checked),
  };
  return uischema.options?.toggle === true ? <Switch {...common} /> : <Checkbox {...common} />;
}

function hiddenLabel({ schema, path }: ControlProps): string {
  return typeof schema.title === 'string' && schema.title !== ''
    ? schema.title
    : (path.split('.').pop() ?? path);
}

export const booleanControlTester = rankWith(2, isBooleanControl);
export const BooleanControlRenderer = withJsonFormsControlProps(BooleanControl);
