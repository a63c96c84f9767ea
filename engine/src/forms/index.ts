export {
  sensitivePointers,
  sensitivePointersOf,
  sensitiveValues,
  maskPointers,
  readsSensitive,
  type MaskedData,
} from './sensitive.js';
export { formDataShapeProblems, type FormDataShapeProblems } from './undeclared.js';
