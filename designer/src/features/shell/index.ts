export { DesignerShell } from './designer-shell.js';
export { designerNamespace } from './locales.js';
import './locales.js';
