export { loadConfig, type RuntimeConfig } from './config/config.js';
export { createRuntime, type Runtime, type RuntimeOptions } from './runtime.js';
export { buildApp } from './http/app.js';
export { openDatabase, type DatabaseHandle } from './db/database.js';
export { verifyAudit } from './audit/audit-log.js';
export { seedDemo, demoPassword } from './seed/seed.js';
