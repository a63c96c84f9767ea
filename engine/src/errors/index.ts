export * from './engine-error.js';
export * from './catalog.js';
