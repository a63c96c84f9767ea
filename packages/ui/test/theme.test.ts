import { DEFAULT_THEME } from '@mantine/core';
import { describe, expect, it } from 'vitest';
import { rootFontSize, tongbanCssVariables, tongbanTheme } from '../src/theme/index.js';

/** WCAG 2.2's contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string): number => {
    const [r, g, bl] = [1, 3, 5].map((at) => {
      const channel = parseInt(hex.slice(at, at + 2), 16) / 255;
      return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** A theme colour named as in a CSS variable (`var(--mantine-color-gray-7)`), as #rrggbb. */
function colour(reference: string): string {
  const match = /--mantine-color-(\w+)-(\d)\)/.exec(reference);
  if (!match) throw new Error(`not a theme colour: ${reference}`);
  const shades = DEFAULT_THEME.colors[match[1] as 'gray'];
  return shades[Number(match[2])] as string;
}

describe('Tongban’s theme', () => {
  it('should give white text on the primary colour and the primary colour on white at least 4.5:1', () => {
    const shade = (tongbanTheme.primaryShade as { light: number }).light;
    const primary = DEFAULT_THEME.colors.blue[shade] as string;
    expect(contrast(primary, '#ffffff')).toBeGreaterThanOrEqual(4.5);
  });

  it('should darken every text colour Mantine draws light to at least 4.5:1 on white', () => {
    const light = tongbanCssVariables(DEFAULT_THEME).light as Record<string, string | undefined>;
    for (const name of [
      '--mantine-color-dimmed',
      '--mantine-color-error',
      '--mantine-color-anchor',
      '--mantine-color-placeholder',
      '--mantine-color-disabled-color',
    ]) {
      const value = light[name];
      expect(value, name).toBeDefined();
      expect(contrast(colour(value as string), '#ffffff'), name).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('should set the portal’s 18 px base and the larger-text mode as one root font size', () => {
    expect(rootFontSize(16, false)).toBe('100%');
    expect(rootFontSize(18, false)).toBe('112.5%');
    expect(rootFontSize(18, true)).toBe('140.63%');
  });

  it('should keep line height at 1.5 or more', () => {
    for (const value of Object.values(tongbanTheme.lineHeights ?? {}))
      expect(Number(value)).toBeGreaterThanOrEqual(1.5);
  });
});
