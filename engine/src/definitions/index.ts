export * from './types.js';
export * from './problems.js';
export * from './catalog.js';
export * from './validate.js';
export { definitionLimits, measureJson, type JsonSize } from './size.js';
export { definitionSchemas, schemaVersion } from './schemas/index.js';
export { oneOpenCaseField } from './checks/matter.js';
