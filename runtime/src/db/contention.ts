/** PostgreSQL's answers when two transactions got in each other's way: deadlock, serialization failure. */
const contentionCodes = new Set(['40P01', '40001']);

/**
 * Whether a failed statement lost a race with another transaction rather than being wrong: a retry or
 * a 409 answers it, never a 500. Looks through the wrappers drizzle puts around the driver's error.
 */
export function isContention(error: unknown): boolean {
  for (let cause = error, depth = 0; cause !== undefined && cause !== null && depth < 5; depth++) {
    const code = (cause as { code?: unknown }).code;
    if (typeof code === 'string' && contentionCodes.has(code)) return true;
    cause = (cause as { cause?: unknown }).cause;
  }
  return false;
}
