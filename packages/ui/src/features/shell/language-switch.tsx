import { Button } from '@mantine/core';
import { setLanguage, useLanguage, useT } from '../../i18n/index.js';
import { shellNamespace } from './namespace.js';

/** One button to the other language, named in that language (中文 / English), anywhere in the apps. */
export function LanguageSwitch() {
  const t = useT(shellNamespace);
  const language = useLanguage();
  const other = language === 'zh-CN' ? 'en' : 'zh-CN';
  return (
    <Button
      variant="default"
      px="sm"
      lang={other}
      title={t('language.switchLabel')}
      onClick={() => void setLanguage(other)}
    >
      {t('language.switchTo')}
    </Button>
  );
}
