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
}

export const defaultLimits: ExpressionLimits = {
  maxDepth: 32,
  maxNodes: 2000,
  maxStringLength: 10_000,
  maxArrayLength: 10_000,
};
