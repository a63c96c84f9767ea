import { isOperator, iterating } from './operators.js';
import { defaultLimits, type Expression, type ExpressionLimits } from './types.js';

export interface ExpressionIssue {
  /** JSON pointer inside the expression, e.g. `/and/1/==/0`. */
  path: string;
  detail: string;
}

export interface ExpressionAnalysis {
  issues: ExpressionIssue[];
  /** The `var` paths read from the outer scope (not those inside a some/all/map/reduce body), e.g. `data.urgency`. */
  variables: string[];
}

/** Checks an expression without running it, and lists the variables it reads. */
export function analyzeExpression(
  expression: unknown,
  limits: ExpressionLimits = defaultLimits,
): ExpressionAnalysis {
  const issues: ExpressionIssue[] = [];
  const variables = new Set<string>();
  let nodes = 0;

  const visit = (node: unknown, path: string, depth: number, outer: boolean): void => {
    if (depth > limits.maxDepth) {
      issues.push({ path, detail: `nesting deeper than ${limits.maxDepth}` });
      return;
    }
    if (node === null || typeof node !== 'object') {
      if (typeof node === 'number' && !Number.isFinite(node))
        issues.push({ path, detail: 'numbers must be finite' });
      return;
    }
    if (Array.isArray(node)) {
      node.forEach((item, index) => visit(item, `${path}/${index}`, depth + 1, outer));
      return;
    }
    const keys = Object.keys(node);
    if (keys.length !== 1) {
      issues.push({
        path,
        detail: `an operator object must have exactly one key, found ${keys.length} (${keys.join(', ') || 'none'})`,
      });
      return;
    }
    const operator = keys[0] as string;
    const here = `${path}/${escapePointer(operator)}`;
    if (!isOperator(operator)) {
      issues.push({ path: here, detail: `unknown operator "${operator}"` });
      return;
    }
    nodes += 1;
    if (nodes === limits.maxNodes + 1)
      issues.push({ path: here, detail: `more than ${limits.maxNodes} operations` });
    const raw = (node as Record<string, unknown>)[operator];
    const args = Array.isArray(raw) ? raw : [raw];
    // a lone argument is written without the array, so it sits at the operator itself
    const argPath = (index: number): string => (Array.isArray(raw) ? `${here}/${index}` : here);
    if (operator === 'var') {
      const target = args[0];
      if (outer && (typeof target === 'string' || typeof target === 'number') && target !== '')
        variables.add(String(target));
      args.slice(1).forEach((arg, index) => visit(arg, argPath(index + 1), depth + 1, outer));
      if (typeof target === 'object' && target !== null) visit(target, argPath(0), depth + 1, outer);
      return;
    }
    if (operator === 'missing' || operator === 'missing_some') {
      // like the evaluator, `missing` also takes its paths as one list: {"missing": [["a", "b"]]}
      const listed = operator === 'missing' ? args.flat() : Array.isArray(args[1]) ? args[1] : [];
      for (const item of listed) if (outer && typeof item === 'string') variables.add(item);
    }
    if (iterating.has(operator)) {
      visit(args[0], argPath(0), depth + 1, outer);
      visit(args[1], argPath(1), depth + 1, false);
      // reduce's initial value is read in the outer scope
      args.slice(2).forEach((arg, index) => visit(arg, argPath(index + 2), depth + 1, outer));
      return;
    }
    args.forEach((arg, index) => visit(arg, argPath(index), depth + 1, outer));
  };

  visit(expression, '', 0, true);
  return { issues, variables: [...variables] };
}

function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Cheap structural check used before running an expression that did not go through validation. */
export function isExpression(value: unknown): value is Expression {
  return analyzeExpression(value).issues.length === 0;
}
