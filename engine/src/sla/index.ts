export * from './types.js';
export * from './clock.js';
export * from './resolve.js';
