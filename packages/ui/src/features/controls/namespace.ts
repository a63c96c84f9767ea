/** The i18n namespace of the controls' own text. */
export const controlsNamespace = 'controls';
