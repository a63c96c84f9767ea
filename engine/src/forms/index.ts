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
