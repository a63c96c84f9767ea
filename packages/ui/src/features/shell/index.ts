export { TongbanApp, type TongbanAppProps } from './tongban-app.js';
export { AppHeader, type AppHeaderProps, type AppName } from './app-header.js';
export { LanguageSwitch } from './language-switch.js';
export { SessionProvider, useSession, type Session, type SignedInUser } from './session.js';
export { tongbanApi } from './api.js';
export { shellNamespace } from './namespace.js';
