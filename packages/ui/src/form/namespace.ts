/** The i18n namespace of the form's own text (summary, buttons shared by controls). */
export const formNamespace = 'form';
