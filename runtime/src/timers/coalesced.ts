/**
 * Runs `work` one pass at a time. A call while a pass runs does not start a second one beside it: it
 * waits for one more pass that starts after the current one ends, shared by every call made meanwhile.
 * So each caller's request is covered by a pass that began after it asked, and a burst of requests
 * (a thousand timer jobs due in the same second) costs two passes, not a thousand.
 */
export function coalesced(work: () => Promise<unknown>): () => Promise<void> {
  let running: Promise<void> | null = null;
  let queued: Promise<void> | null = null;
  const start = (): Promise<void> => {
    const pass: Promise<void> = work()
      .then(() => undefined)
      .finally(() => {
        if (running === pass) running = null;
      });
    running = pass;
    return pass;
  };
  return () => {
    if (running === null) return start();
    queued ??= running
      .catch(() => undefined)
      .then(() => {
        queued = null;
        return start();
      });
    return queued;
  };
}
