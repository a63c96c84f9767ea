export * from './i18n/index.js';
export * from './errors/index.js';
export * from './duration/index.js';
export * from './expressions/index.js';
export * from './calendar/index.js';
export * from './sla/index.js';
export * from './definitions/index.js';
export * from './interpreter/index.js';
