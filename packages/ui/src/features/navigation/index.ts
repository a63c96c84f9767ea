export { appBase, navigate, useAppLocation } from './location.js';
export { AppLink } from './app-link.js';
