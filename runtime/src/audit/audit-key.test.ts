import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AuditKey, parseAuditKey, resolveAuditKey } from './audit-key.js';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'tongban-key-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('audit key', () => {
  it('should write a new key on the embedded mode’s first start, readable by its owner only, and keep it', () => {
    const file = join(tempDir(), 'data', 'audit.key');
    const first = resolveAuditKey({ auditKey: undefined, auditKeyFile: file, databaseUrl: undefined });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const again = resolveAuditKey({ auditKey: undefined, auditKeyFile: file, databaseUrl: undefined });
    expect(again.mac(['x'])).toBe(first.mac(['x']));
    expect(readFileSync(file, 'utf8').trim()).toBe(first.toText());
  });

  it('should refuse to start the scaled mode without a key rather than make one up for one process', () => {
    const file = join(tempDir(), 'audit.key');
    expect(() =>
      resolveAuditKey({ auditKey: undefined, auditKeyFile: file, databaseUrl: 'postgres://db/tongban' }),
    ).toThrow(/TONGBAN_AUDIT_KEY/);
  });

  it('should take TONGBAN_AUDIT_KEY before any file, and read a key file given in the scaled mode', () => {
    const key = AuditKey.generate();
    const file = join(tempDir(), 'audit.key');
    writeFileSync(file, AuditKey.generate().toText());
    const fromEnv = resolveAuditKey({
      auditKey: key.toText(),
      auditKeyFile: file,
      databaseUrl: 'postgres://db',
    });
    expect(fromEnv.mac(['x'])).toBe(key.mac(['x']));
    const fromFile = resolveAuditKey({
      auditKey: undefined,
      auditKeyFile: file,
      databaseUrl: 'postgres://db',
    });
    expect(fromFile.mac(['x'])).not.toBe(key.mac(['x']));
  });

  it('should refuse a key too short to be a secret, naming where it came from', () => {
    expect(() => parseAuditKey('abcd', 'TONGBAN_AUDIT_KEY')).toThrow(
      /TONGBAN_AUDIT_KEY must hold at least 32/,
    );
    expect(parseAuditKey(Buffer.alloc(32, 7).toString('base64'), 'x').mac([1])).toMatch(/^[0-9a-f]{64}$/);
  });
});
