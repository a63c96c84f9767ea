export {
  sensitivePointers,
  sensitivePointersOf,
  sensitiveValues,
  maskPointers,
  readsSensitive,
  type MaskedData,
} from './sensitive.js';
export { formDataShapeProblems, type FormDataShapeProblems } from './undeclared.js';
export { formAjvOptions, addFormFormats, createFormAjv } from './form-ajv.js';
export {
  analyzeFormSchema,
  formLimits,
  type Cost,
  type FormCost,
  type FormCostProblem,
  type FormLimits,
} from './form-cost.js';
export { formDataWork, measureData, type DataMeasure, type DataWorkProblem } from './form-work.js';
export { formRegExp, formPatternProblem, FormPatternError, type FormRegExp } from './form-regexp.js';
export {
  checkIdNumber,
  idNumberCheckCharacter,
  isIdNumber,
  normalizeIdNumber,
  readIdNumberStart,
  type IdNumberCheck,
  type IdNumberProblem,
  type IdNumberReading,
} from './id-number.js';
export {
  describeAjvErrors,
  titleText,
  type ErrorContext as FormErrorContext,
  type FormErrorDetail,
} from './form-errors.js';
