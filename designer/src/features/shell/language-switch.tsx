import { SegmentedControl } from '@mantine/core';
import { languages, setLanguage, useLanguage, useT, type Language } from '@tongban/ui';
import { designerNamespace } from './locales.js';

/** Each language named in itself, so a person finds theirs whatever is shown now. */
const ownNames: Record<Language, string> = { 'zh-CN': '中文', en: 'English' };

/** zh-CN / English, switched at once and remembered. */
export function LanguageSwitch() {
  const t = useT(designerNamespace);
  const language = useLanguage();
  return (
    <SegmentedControl
      aria-label={t('language')}
      size="sm"
      value={language}
      onChange={(value) => void setLanguage(value as Language)}
      data={languages.map((value) => ({ value, label: ownNames[value] }))}
    />
  );
}
