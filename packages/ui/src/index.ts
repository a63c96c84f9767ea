/** Tongban's shared web parts. The renderer set, the wizard, i18n and the theme are exported from here. */
export {};
