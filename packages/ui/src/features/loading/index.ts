export { useLoaded, type Loaded } from './use-loaded.js';
