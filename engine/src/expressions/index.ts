export * from './types.js';
export * from './operators.js';
export * from './evaluate.js';
export * from './analyze.js';
export * from './work.js';
