export { TongbanReadonlyForm, type TongbanReadonlyFormProps } from './readonly-form.js';
export { formatValue, maskText, type ValueWords } from './format-value.js';
export { valueControlTester } from './value.control.js';
export { useReadonlySettings, type ReadonlySettings } from './readonly-context.js';
