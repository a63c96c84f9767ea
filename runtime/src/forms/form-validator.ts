import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { FormDefinition, JsonSchemaObject } from '@tongban/engine';
import { ApiError } from '../errors/api-error.js';
import { describeAjvErrors } from './form-errors.js';

/** The same ajv settings JSON Forms uses in the browser, so the server accepts exactly what the form does. */
export function createFormAjv(): Ajv {
  const ajv = new Ajv({ allErrors: true, verbose: true, strict: false, addUsedSchema: false });
  addFormats.default(ajv);
  return ajv;
}

const ajv = createFormAjv();
const compiled = new WeakMap<JsonSchemaObject, ValidateFunction>();

/** Validates form data against the form's schema; throws TB_FORM_DATA_INVALID with every problem's path. */
export function assertFormData(form: FormDefinition, data: unknown): void {
  assertSchemaData(form.schema, data);
}

/** The same for a schema of our own making (a bundle's combined form); compiled once per schema object. */
export function assertSchemaData(schema: JsonSchemaObject, data: unknown): void {
  let validate = compiled.get(schema);
  if (!validate) {
    validate = ajv.compile(schema);
    compiled.set(schema, validate);
  }
  if (!validate(data))
    throw new ApiError('TB_FORM_DATA_INVALID', {}, describeAjvErrors(validate.errors ?? [], { schema }));
}

/** The property names a form marks `x-sensitive` (ID numbers, health data), top level and nested. */
export function sensitiveFields(form: FormDefinition | undefined): string[] {
  if (!form) return [];
  const found: string[] = [];
  const walk = (schema: JsonSchemaObject, prefix: string) => {
    const properties = schema.properties as Record<string, JsonSchemaObject> | undefined;
    for (const [name, property] of Object.entries(properties ?? {})) {
      if (property['x-sensitive'] === true) found.push(prefix + name);
      if (property.type === 'object') walk(property, `${prefix}${name}.`);
    }
  };
  walk(form.schema, '');
  return found;
}
