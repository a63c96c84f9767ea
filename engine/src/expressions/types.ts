/** A JSON Logic style expression: a literal, an array of expressions, or `{ operator: args }`. */
export type Expression = null | boolean | number | string | Expression[] | { [operator: string]: Expression };

/** What an expression can read: `{ data, task, event, case }` and, inside some/all/map, the item. */
export type ExpressionScope = Readonly<Record<string, unknown>>;

export interface ExpressionLimits {
  /** Deepest nesting of operators. */
  maxDepth: number;
  /** Most operator nodes in one expression. */
  maxNodes: number;
  /** Longest string an expression may build (cat, substr). */
  maxStringLength: number;
  /** Most items an array operator (map, filter, some, merge) may walk or build. */
  maxArrayLength: number;
  /** Most work one evaluation may do: one per operation plus the size of every value handed on (work.ts). */
  maxWork: number;
}

export const defaultLimits: ExpressionLimits = {
  maxDepth: 32,
  maxNodes: 2000,
  maxStringLength: 10_000,
  maxArrayLength: 10_000,
  maxWork: 100_000,
};

/** Most work one step of a case may do across all its expressions (guards, actions, queues, SLAs). */
export const stepWorkLimit = 250_000;
