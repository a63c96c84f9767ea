import { useCallback, useEffect, useRef, useState } from 'react';

export type Polled<T> =
  { state: 'loading' } | { state: 'failed'; error: unknown } | { state: 'done'; value: T; refresh(): void };

/**
 * `load`'s answer, asked again every `everyMs` while the page is in view and at once when it comes
 * back into view: the tracker follows what departments do without a reload. A failed poll after a
 * good one keeps what was shown (a blip of the network is no news to the resident).
 */
export function usePolled<T>(
  load: () => Promise<T>,
  everyMs: number,
  dependencies: readonly unknown[],
): Polled<T> {
  const [polled, setPolled] = useState<
    { state: 'loading' } | { state: 'failed'; error: unknown } | { state: 'done'; value: T }
  >({
    state: 'loading',
  });
  const loadRef = useRef(load);
  loadRef.current = load;
  const [round, setRound] = useState(0);
  const refresh = useCallback(() => setRound((before) => before + 1), []);

  useEffect(() => {
    setPolled({ state: 'loading' });
    // the caller names what `load` depends on
  }, dependencies);

  useEffect(() => {
    let current = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const ask = () => {
      clearTimeout(timer);
      loadRef
        .current()
        .then(
          (value) => current && setPolled({ state: 'done', value }),
          (error: unknown) =>
            current && setPolled((before) => (before.state === 'done' ? before : { state: 'failed', error })),
        )
        .finally(() => {
          if (current && document.visibilityState === 'visible') timer = setTimeout(ask, everyMs);
        });
    };
    const onVisible = () => {
      if (document.visibilityState === 'visible') ask();
    };
    ask();
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      current = false;
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [everyMs, round, ...dependencies]);

  return polled.state === 'done' ? { ...polled, refresh } : polled;
}
