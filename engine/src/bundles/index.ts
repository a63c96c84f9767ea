export * from './combined-form.js';
export { conditionSchema } from './condition-schema.js';
