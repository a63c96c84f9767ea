import { parseAuditKey, type AuditKey } from '../../src/audit/audit-key.js';

/** The test run's audit key: the vitest config generates it and hands it to every test in the environment. */
export function testAuditKey(): AuditKey {
  return parseAuditKey(
    process.env.TONGBAN_AUDIT_KEY ?? '',
    'TONGBAN_AUDIT_KEY (set by runtime/vitest.config.ts)',
  );
}
