import { createTheme, type CSSVariablesResolver } from '@mantine/core';

/**
 * Tongban's Mantine theme, for residents (many elderly, on a phone) and staff (many over 50, all day).
 * Every size is in rem, so the text size is one root font size (see `rootFontSize`): the portal's
 * 18 px base and the larger-text mode scale everything, touch targets included. Colours are the
 * shades that reach WCAG AA (4.5:1) on white: theme.test.ts measures them.
 */
export const tongbanTheme = createTheme({
  primaryColor: 'blue',
  // blue 8 (#1971c2): white text on it and it on white both pass 4.5:1; shade 6 does not (3.6:1)
  primaryShade: { light: 8, dark: 8 },
  // a ring on keyboard focus (and on every text field in focus); tongban.css makes it thick and orange
  focusRing: 'auto',
  fontFamily:
    '-apple-system, BlinkMacSystemFont, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", "Segoe UI", Roboto, Helvetica, Arial, sans-serif',
  lineHeights: { xs: '1.5', sm: '1.5', md: '1.6', lg: '1.6', xl: '1.65' },
  headings: { fontWeight: '600', textWrap: 'pretty' },
  defaultRadius: 'sm',
  respectReducedMotion: true,
  cursorType: 'pointer',
  components: {
    // md controls everywhere; tongban.css lifts md to 3rem (48 px at a 16 px root) for touch
    Button: { defaultProps: { size: 'md' } },
    Input: { defaultProps: { size: 'md' } },
    InputWrapper: { defaultProps: { size: 'md' } },
    Checkbox: { defaultProps: { size: 'md' } },
    Radio: { defaultProps: { size: 'md' } },
    Switch: { defaultProps: { size: 'md' } },
  },
});

/** Text colours Mantine draws grey or light by default, darkened to reach 4.5:1 on white. */
export const tongbanCssVariables: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    '--mantine-color-anchor': 'var(--mantine-color-blue-8)',
    '--mantine-color-disabled-color': 'var(--mantine-color-gray-7)',
  },
  dark: {},
});

/** The browser's default root font size, which rem values are relative to. */
export const browserFontSize = 16;
/** How much larger the larger-text mode makes everything. */
export const largeTextFactor = 1.25;

/**
 * The root font size for a base text size in px (16 for the workbench and designer, 18 for the
 * portal) and the larger-text switch, as a percentage, so that a person's own browser setting
 * (say 20 px) still scales it.
 */
export function rootFontSize(basePx: number, largeText: boolean): string {
  const factor = (basePx / browserFontSize) * (largeText ? largeTextFactor : 1);
  return `${Math.round(factor * 100 * 100) / 100}%`;
}
