import { useRef, useState } from 'react';

/**
 * What the field shows, kept by the control itself and handed to the form as it changes: the form's
 * data comes back renders later (JSON Forms' reducer, the app's onChange), and a controlled input fed
 * only from it drops keys typed in between (JSON Forms' own renderers debounce for the same reason).
 * A value coming back that this control sent is its echo; any other (a draft restored, a reset)
 * replaces what is shown.
 */
export function useTypedValue(
  data: string,
  commit: (value: string) => void,
): readonly [value: string, change: (value: string) => void] {
  const [typed, setTyped] = useState(data);
  const seen = useRef(data);
  const unechoed = useRef<string[]>([]);
  let shown = typed;
  if (data !== seen.current) {
    seen.current = data;
    const echo = unechoed.current.indexOf(data);
    if (echo >= 0) {
      unechoed.current = unechoed.current.slice(echo + 1);
    } else {
      unechoed.current = [];
      shown = data;
      setTyped(data);
    }
  }
  const change = (value: string): void => {
    unechoed.current.push(value);
    setTyped(value);
    commit(value);
  };
  return [shown, change] as const;
}
