import { createContext, useCallback, useContext, useState } from 'react';
import { Button } from '@mantine/core';
import { useT } from '../../i18n/index.js';
import { shellNamespace } from './namespace.js';

const storageKey = 'tongban.largeText';

export interface LargeText {
  on: boolean;
  toggle(): void;
}

export const LargeTextContext = createContext<LargeText | null>(null);

/** The larger-text choice, kept on this device: a person who needs it should not have to ask again. */
export function useLargeTextChoice(): LargeText {
  const [on, setOn] = useState(() => {
    try {
      return window.localStorage.getItem(storageKey) === 'on';
    } catch {
      return false;
    }
  });
  const toggle = useCallback(() => {
    setOn((before) => {
      try {
        window.localStorage.setItem(storageKey, before ? 'off' : 'on');
      } catch {
        // a browser that keeps nothing still gets the larger text for this visit
      }
      return !before;
    });
  }, []);
  return { on, toggle };
}

/** 大字: one button that makes all text and controls a quarter larger, and back. */
export function LargeTextSwitch() {
  const t = useT(shellNamespace);
  const largeText = useContext(LargeTextContext);
  if (!largeText) return null;
  return (
    <Button
      variant={largeText.on ? 'filled' : 'default'}
      aria-pressed={largeText.on}
      title={t(largeText.on ? 'largeText.off' : 'largeText.on')}
      onClick={largeText.toggle}
      px="sm"
    >
      {t('largeText.label')}
    </Button>
  );
}
