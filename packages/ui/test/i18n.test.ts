import { afterAll, describe, expect, it } from 'vitest';
import {
  currentLanguage,
  detectLanguage,
  i18n,
  matchLanguage,
  registerCatalog,
  setLanguage,
} from '../src/i18n/index.js';

afterAll(async () => {
  await i18n.changeLanguage('zh-CN');
});

describe('the one i18n instance', () => {
  it('should speak zh-CN when nothing says otherwise', () => {
    expect(detectLanguage()).toBe('zh-CN');
    expect(currentLanguage()).toBe('zh-CN');
  });

  it('should match the language tags browsers send', () => {
    expect(matchLanguage('zh')).toBe('zh-CN');
    expect(matchLanguage('zh-Hans-CN')).toBe('zh-CN');
    expect(matchLanguage('en-GB')).toBe('en');
    expect(matchLanguage('fr-FR')).toBeUndefined();
    expect(matchLanguage(null)).toBeUndefined();
  });

  it('should serve a feature’s catalog in both languages and switch between them', async () => {
    registerCatalog('test-feature', {
      'zh-CN': { greeting: '您好，{{name}}', nested: { title: '标题' } },
      en: { greeting: 'Hello, {{name}}', nested: { title: 'Title' } },
    });
    await setLanguage('zh-CN');
    expect(i18n.t('greeting', { ns: 'test-feature', name: '王' })).toBe('您好，王');
    await setLanguage('en');
    expect(i18n.t('nested.title', { ns: 'test-feature' })).toBe('Title');
    expect(currentLanguage()).toBe('en');
  });
});
