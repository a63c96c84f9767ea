import { useLayoutEffect, type ReactNode } from 'react';
import { MantineProvider } from '@mantine/core';
import { I18nextProvider } from 'react-i18next';
import { i18n } from '../i18n/index.js';
import { rootFontSize, tongbanCssVariables, tongbanTheme } from './theme.js';
import './tongban.css';

export interface TongbanProviderProps {
  children: ReactNode;
  /** The base text size in px: 18 for the portal (residents), 16 (the default) for staff apps. */
  baseFontSize?: number;
  /** The larger-text mode: everything a quarter larger, by the root font size. */
  largeText?: boolean;
}

/**
 * Wraps an app in Tongban's theme and the one i18n instance, and sets the root font size that all
 * rem sizes follow. Apps import '@mantine/core/styles.css' before rendering it.
 */
export function TongbanProvider({ children, baseFontSize = 16, largeText = false }: TongbanProviderProps) {
  // before the first paint, so the text never jumps from one size to the other
  useLayoutEffect(() => {
    const root = document.documentElement;
    const before = root.style.fontSize;
    root.style.fontSize = rootFontSize(baseFontSize, largeText);
    return () => {
      root.style.fontSize = before;
    };
  }, [baseFontSize, largeText]);
  return (
    <I18nextProvider i18n={i18n}>
      <MantineProvider theme={tongbanTheme} cssVariablesResolver={tongbanCssVariables}>
        {children}
      </MantineProvider>
    </I18nextProvider>
  );
}
