export * from './simulate.js';
export * from './explore.js';
