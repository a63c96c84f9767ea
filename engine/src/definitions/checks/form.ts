import { createFormAjv } from '../../forms/form-ajv.js';
import { analyzeFormSchema } from '../../forms/form-cost.js';
import { pointer } from '../problems.js';
import type { FormDefinition, JsonSchemaObject } from '../types.js';
import type { CheckContext } from './context.js';
import { checkScopes } from './form-scopes.js';
import { checkFormEventTypes } from './event-types.js';

const elementPattern = /^[a-z][a-zA-Z0-9]*(\.[a-z][a-zA-Z0-9]*)+$/;

export function checkForm(context: CheckContext, form: FormDefinition): void {
  // bounded work (decision 0015): a schema too large, too deep, recursive on one value, too costly to
  // check an answer against, or with a pattern the linear-time engine cannot run is refused before
  // anything compiles or walks it
  const cost = analyzeFormSchema(form.schema);
  for (const found of cost.problems) context.report(`/schema${found.path}`, found.code, found.params);
  if (cost.problems.length > 0) return;
  // compiled as the runtime and the browser will compile it, by a validator of its own: whatever `$id`s
  // this form declares stay with it, and cannot shadow the meta-schema or another form (decision 0014)
  const ajv = createFormAjv();
  const dialect = form.schema.$schema;
  if (dialect !== undefined && (typeof dialect !== 'string' || ajv.getSchema(dialect) === undefined)) {
    context.report(pointer('/schema', '$schema'), 'form-schema-dialect', { dialect: String(dialect) });
    return;
  }
  try {
    ajv.compile(form.schema);
  } catch (error) {
    context.report('/schema', 'form-schema-invalid', {
      detail: error instanceof Error ? error.message : String(error),
    });
    return;
  }
  const elements = new Map<string, string>();
  walkProperties(form.schema, '/schema', (property, path) => {
    const element = property['x-element'];
    if (element === undefined) return;
    if (typeof element !== 'string' || !elementPattern.test(element)) {
      context.report(pointer(path, 'x-element'), 'element-invalid', { element: String(element) });
      return;
    }
    const first = elements.get(element);
    if (first !== undefined)
      context.report(pointer(path, 'x-element'), 'element-duplicate', { element, first, second: path });
    else elements.set(element, path);
  });
  if (form.uischema !== undefined) checkScopes(context, form.uischema, '/uischema', form.schema);
  checkFormEventTypes(context, form);
}

/** Calls `visit` for every property schema, depth first, with its JSON pointer in the definition. */
export function walkProperties(
  schema: JsonSchemaObject,
  path: string,
  visit: (property: JsonSchemaObject, path: string) => void,
): void {
  const properties = schema.properties as Record<string, JsonSchemaObject> | undefined;
  if (properties === undefined || typeof properties !== 'object') return;
  for (const [name, property] of Object.entries(properties)) {
    if (property === null || typeof property !== 'object') continue;
    const at = pointer(path, 'properties', name);
    visit(property, at);
    walkProperties(property, at, visit);
    const items = property.items as JsonSchemaObject | undefined;
    if (items !== undefined && typeof items === 'object') walkProperties(items, pointer(at, 'items'), visit);
  }
}
