export * from './iso-duration.js';
