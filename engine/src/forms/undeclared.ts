import type { JsonSchemaObject } from '../definitions/types.js';
import {
  acceptsAnyProperty,
  escapePointer,
  isSchema,
  itemSchemas,
  propertySchemas,
  sameInstanceSchemas,
} from './schema-walk.js';

export interface FormDataShapeProblems {
  /** Pointers of properties no schema branch declares, in an object whose schema names its properties. */
  undeclared: string[];
  /** Pointers of numbers JSON cannot keep (`1e400` parses as Infinity and is stored as null). */
  nonFinite: string[];
}

/**
 * What JSON Schema validation lets through but a form must not take: properties the form never asked
 * for, and numbers that do not survive storage. An object is closed when its schema names properties
 * (or says `additionalProperties: false`) and no branch opens it with `additionalProperties`.
 */
export function formDataShapeProblems(schema: JsonSchemaObject, data: unknown): FormDataShapeProblems {
  const problems: FormDataShapeProblems = { undeclared: [], nonFinite: [] };
  const walk = (schemas: JsonSchemaObject[], value: unknown, at: string): void => {
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) problems.nonFinite.push(at || '/');
      return;
    }
    if (value === null || typeof value !== 'object') return;
    const branches = schemas.flatMap((node) => sameInstanceSchemas(node, schema));
    if (Array.isArray(value)) {
      value.forEach((item, index) => walk(itemSchemas(branches, index), item, `${at}/${index}`));
      return;
    }
    const closed = branches.some(
      (branch) => isSchema(branch.properties) || branch.additionalProperties === false,
    );
    const open = acceptsAnyProperty(branches);
    for (const [name, inner] of Object.entries(value as Record<string, unknown>)) {
      const pointer = `${at}/${escapePointer(name)}`;
      const property = propertySchemas(branches, name);
      if (property.declared) walk(property.schemas, inner, pointer);
      else if (open !== 'none') walk(open, inner, pointer);
      else if (closed) problems.undeclared.push(pointer);
      else walk([], inner, pointer); // a free-form object: anything below, numbers still checked
    }
  };
  walk([schema], data, '');
  return problems;
}
