export { loadConfig, type RuntimeConfig } from './config/config.js';
export { createRuntime, type Runtime, type RuntimeOptions } from './runtime.js';
export { buildApp } from './http/app.js';
export { openDatabase, type DatabaseHandle } from './db/database.js';
export { AuditLog, type AuditReport, type AuditBreak } from './audit/audit-log.js';
export { AuditKey } from './audit/audit-key.js';
export { describeBreak, verifyAudit } from './audit/audit-verify.js';
export { seedDemo, demoPassword } from './seed/seed.js';
