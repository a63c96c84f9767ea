import {
  isEnumControl,
  isOneOfEnumControl,
  rankWith,
  type ControlProps,
  type EnumOption,
  type OwnPropsOfEnum,
} from '@jsonforms/core';
import { withJsonFormsEnumProps, withJsonFormsOneOfEnumProps } from '@jsonforms/react';
import { NativeSelect, Radio, Stack } from '@mantine/core';
import { useT } from '../../i18n/index.js';
import { controlsNamespace } from './namespace.js';
import { fieldProps } from './field-props.js';

/** Up to this many choices are radios, all in view; more are a select. */
export const maxRadioChoices = 5;

/**
 * One choice of a list (`enum`, or `oneOf` of `const`s with titles): radios when there are few
 * (all visible, one tap each) or `options.format: "radio"`; else the platform's own select, which
 * a phone shows as its wheel or sheet and a keyboard works as people expect.
 */
function EnumControl(props: ControlProps & OwnPropsOfEnum) {
  const { data, handleChange, path, visible, uischema } = props;
  const t = useT(controlsNamespace);
  const options: EnumOption[] = props.options ?? [];
  if (!visible) return null;
  const field = fieldProps(props);
  const selected = options.findIndex((option) => option.value === data);
  const choose = (index: string) => {
    const option = options[Number(index)];
    handleChange(path, index === '' || option === undefined ? undefined : option.value);
  };
  const asRadios = uischema.options?.format === 'radio' || options.length <= maxRadioChoices;
  if (asRadios) {
    // Mantine puts a group's own attributes on its wrapper, a plain div, where aria-required is not
    // allowed (axe: aria-allowed-attr); the asterisk still marks the question
    const { id, disabled, 'aria-required': _required, ...group } = field;
    return (
      <Radio.Group {...group} id={id} value={selected >= 0 ? String(selected) : null} onChange={choose}>
        <Stack gap={0} mt={4}>
          {options.map((option, index) => (
            <Radio key={index} value={String(index)} label={option.label} disabled={disabled} />
          ))}
        </Stack>
      </Radio.Group>
    );
  }
  return (
    <NativeSelect
      {...field}
      value={selected >= 0 ? String(selected) : ''}
      onChange={(event) => choose(event.currentTarget.value)}
      data={[
        { value: '', label: t('choose') },
        ...options.map((option, index) => ({ value: String(index), label: option.label })),
      ]}
    />
  );
}

export const enumControlTester = rankWith(2, isEnumControl);
export const EnumControlRenderer = withJsonFormsEnumProps(EnumControl);
export const oneOfEnumControlTester = rankWith(5, isOneOfEnumControl);
export const OneOfEnumControlRenderer = withJsonFormsOneOfEnumProps(EnumControl);
