import { useMemo } from 'react';
import type { JsonFormsI18nState } from '@jsonforms/core';
import { useLanguage } from '../i18n/index.js';
import { createErrorTranslator, createFormTranslator } from './translator.js';

/** JSON Forms' i18n state for the person's language, renewed when the language changes. */
export function useFormI18n(): JsonFormsI18nState {
  const language = useLanguage();
  return useMemo(
    () => ({
      locale: language,
      translate: createFormTranslator(language),
      translateError: createErrorTranslator(language),
    }),
    [language],
  );
}
