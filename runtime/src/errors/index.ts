export * from './catalog.js';
export * from './api-error.js';
