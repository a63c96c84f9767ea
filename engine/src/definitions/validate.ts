import type { Catalog } from './catalog.js';
import { checkBundle } from './checks/bundle.js';
import { checkCalendar } from './checks/calendar.js';
import { CheckContext, type ValidationOptions } from './checks/context.js';
import { checkDepartment } from './checks/department.js';
import { checkForm } from './checks/form.js';
import { checkMatter } from './checks/matter.js';
import { checkWorkflow } from './checks/workflow.js';
import { problem, type Problem } from './problems.js';
import { schemaProblems } from './schema-check.js';
import { sizeProblem } from './size.js';
import { definitionKinds, type Definition, type DefinitionKind } from './types.js';

export interface ValidationResult {
  /** No problems; warnings leave a definition valid. */
  valid: boolean;
  problems: Problem[];
  /** What will go wrong unless someone acts (severity "warning"); never a reason to refuse. */
  warnings: Problem[];
}

export type { ValidationOptions };

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
 * in zh-CN and en, and apart from them every warning (valid stays true). References to other
 * definitions are checked against `catalog` when given; `options.now` lets time-bound warnings be
 * given (a calendar that runs out). Never throws on bad input.
 */
export function validate(
  definition: unknown,
  catalog?: Catalog,
  options: ValidationOptions = {},
): ValidationResult {
  if (definition === null || typeof definition !== 'object' || Array.isArray(definition)) {
    return { valid: false, problems: [problem('', 'not-an-object')], warnings: [] };
  }
  const kind = (definition as { kind?: unknown }).kind;
  if (kind === undefined) {
    return {
      valid: false,
      problems: [problem('/kind', 'schema.required', { property: 'kind' })],
      warnings: [],
    };
  }
  if (!isKind(kind)) {
    return {
      valid: false,
      problems: [
        problem('/kind', 'unknown-kind', { value: String(kind), allowed: definitionKinds.join(', ') }),
      ],
      warnings: [],
    };
  }
  // bounded work (decision 0015): what is too large or too deep to check within bounds is not walked
  const oversize = sizeProblem(definition);
  if (oversize !== undefined) return { valid: false, problems: [oversize], warnings: [] };
  const problems = schemaProblems(kind, definition);
  const context = new CheckContext(catalog, options);
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
  return { valid: problems.length === 0, problems, warnings: context.warnings };
}

export interface LibraryValidation {
  valid: boolean;
  results: Array<{ kind: string; key: string; version: number; problems: Problem[]; warnings: Problem[] }>;
}

/** Validates a whole set of definitions against each other (as an import does). */
export function validateLibrary(
  definitions: unknown[],
  catalog: Catalog,
  options: ValidationOptions = {},
): LibraryValidation {
  const results = definitions.map((definition) => {
    const { problems, warnings } = validate(definition, catalog, options);
    const envelope = (definition ?? {}) as { kind?: unknown; key?: unknown; version?: unknown };
    return {
      kind: String(envelope.kind),
      key: String(envelope.key),
      version: typeof envelope.version === 'number' ? envelope.version : 0,
      problems,
      warnings,
    };
  });
  return { valid: results.every((result) => result.problems.length === 0), results };
}
