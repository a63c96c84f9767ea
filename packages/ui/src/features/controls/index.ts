import type { JsonFormsRendererRegistryEntry } from '@jsonforms/core';
import { BooleanControlRenderer, booleanControlTester } from './boolean.control.js';
import {
  AllOfControlRenderer,
  allOfControlTester,
  AnyOfControlRenderer,
  anyOfControlTester,
  OneOfControlRenderer,
  oneOfControlTester,
} from './combinator.control.js';
import { DateTimeControlRenderer, dateTimeControlTester } from './date-time.control.js';
import {
  EnumControlRenderer,
  enumControlTester,
  OneOfEnumControlRenderer,
  oneOfEnumControlTester,
} from './enum.control.js';
import { MultiEnumControlRenderer, multiEnumControlTester } from './multi-enum.control.js';
import { NumberControlRenderer, numberControlTester } from './number.control.js';
import { ObjectControlRenderer, objectControlTester } from './object.control.js';
import { TextControlRenderer, textControlTester } from './text.control.js';

export { fieldProps, inputId, type FieldProps } from './field-props.js';
export { readNumber } from './number.control.js';
export { toInputValue, fromInputValue } from './date-time.control.js';
export { maxRadioChoices } from './enum.control.js';

/** The plain controls and objects as groups, with their ranks (see form/renderers.ts). */
export const renderers: JsonFormsRendererRegistryEntry[] = [
  { tester: textControlTester, renderer: TextControlRenderer },
  { tester: numberControlTester, renderer: NumberControlRenderer },
  { tester: booleanControlTester, renderer: BooleanControlRenderer },
  { tester: enumControlTester, renderer: EnumControlRenderer },
  { tester: oneOfEnumControlTester, renderer: OneOfEnumControlRenderer },
  { tester: multiEnumControlTester, renderer: MultiEnumControlRenderer },
  { tester: dateTimeControlTester, renderer: DateTimeControlRenderer },
  { tester: objectControlTester, renderer: ObjectControlRenderer },
  { tester: oneOfControlTester, renderer: OneOfControlRenderer },
  { tester: anyOfControlTester, renderer: AnyOfControlRenderer },
  { tester: allOfControlTester, renderer: AllOfControlRenderer },
];
