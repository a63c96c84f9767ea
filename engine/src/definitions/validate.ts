import type { Catalog } from './catalog.js';
import { checkBundle } from './checks/bundle.js';
import { checkCalendar } from './checks/calendar.js';
import { CheckContext } from './checks/context.js';
import { checkDepartment } from './checks/department.js';
import { checkForm } from './checks/form.js';
import { checkMatter } from './checks/matter.js';
import { checkWorkflow } from './checks/workflow.js';
import { problem, type Problem } from './problems.js';
import { schemaProblems } from './schema-check.js';
import { definitionKinds, type Definition, type DefinitionKind } from './types.js';

export interface ValidationResult {
  valid: boolean;
  problems: Problem[];
}

const semanticChecks: {
  [K in DefinitionKind]: (context: CheckContext, definition: Extract<Definition, { kind: K }>) => void;
} = {
  department: checkDepartment,
  calendar: checkCalendar,
  matter: checkMatter,
  form: checkForm,
  workflow: checkWorkflow,
  bundle: checkBundle,
};

function isKind(value: unknown): value is DefinitionKind {
  return typeof value === 'string' && (definitionKinds as readonly string[]).includes(value);
}

/**
 * Validates one definition and returns every problem at once, each with its JSON path and a sentence
 * in zh-CN and en. References to other definitions are checked against `catalog` when given.
 * Never throws on bad input.
 */
export function validate(definition: unknown, catalog?: Catalog): ValidationResult {
  if (definition === null || typeof definition !== 'object' || Array.isArray(definition)) {
    return { valid: false, problems: [problem('', 'not-an-object')] };
  }
  const kind = (definition as { kind?: unknown }).kind;
  if (kind === undefined) {
    return { valid: false, problems: [problem('/kind', 'schema.required', { property: 'kind' })] };
  }
  if (!isKind(kind)) {
    return {
      valid: false,
      problems: [
        problem('/kind', 'unknown-kind', { value: String(kind), allowed: definitionKinds.join(', ') }),
      ],
    };
  }
  const problems = schemaProblems(kind, definition);
  const context = new CheckContext(catalog);
  try {
    (semanticChecks[kind] as (context: CheckContext, definition: Definition) => void)(
      context,
      definition as Definition,
    );
    problems.push(...context.problems);
  } catch (error) {
    // With schema problems the semantic checks may trip over the malformed parts: those are reported already.
    if (problems.length === 0) throw error;
  }
  return { valid: problems.length === 0, problems };
}

export interface LibraryValidation {
  valid: boolean;
  results: Array<{ kind: string; key: string; version: number; problems: Problem[] }>;
}

/** Validates a whole set of definitions against each other (as an import does). */
export function validateLibrary(definitions: unknown[], catalog: Catalog): LibraryValidation {
  const results = definitions.map((definition) => {
    const { problems } = validate(definition, catalog);
    const envelope = (definition ?? {}) as { kind?: unknown; key?: unknown; version?: unknown };
    return {
      kind: String(envelope.kind),
      key: String(envelope.key),
      version: typeof envelope.version === 'number' ? envelope.version : 0,
      problems,
    };
  });
  return { valid: results.every((result) => result.problems.length === 0), results };
}
