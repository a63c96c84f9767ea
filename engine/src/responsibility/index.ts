export * from './list-csv.js';
