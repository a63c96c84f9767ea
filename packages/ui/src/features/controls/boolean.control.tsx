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
    checked: data === true,
    onChange: (event: { currentTarget: { checked: boolean } }) =>
      handleChange(path, event.currentTarget.checked),
  };
  return uischema.options?.toggle === true ? <Switch {...common} /> : <Checkbox {...common} />;
}

export const booleanControlTester = rankWith(2, isBooleanControl);
export const BooleanControlRenderer = withJsonFormsControlProps(BooleanControl);
