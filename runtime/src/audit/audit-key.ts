import { createHmac, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { canonicalJson } from './canonical-json.js';

/** At least 256 bits, as HMAC-SHA256 needs to be worth its name. */
const minimumBytes = 32;

/**
 * The secret the audit chains are keyed with (HMAC-SHA256). It lives in the environment or in a file
 * of its own, never in the database: someone who can write the database but does not hold the key
 * cannot compute a chain the verifier accepts (decision 0009).
 */
export class AuditKey {
  readonly #secret: Buffer;

  constructor(secret: Buffer) {
    if (secret.length < minimumBytes)
      throw new Error(`the audit key must be at least ${minimumBytes} bytes, got ${secret.length}`);
    this.#secret = Buffer.from(secret);
  }

  /** A fresh random key (tests, and the embedded mode's first start). */
  static generate(): AuditKey {
    return new AuditKey(randomBytes(minimumBytes));
  }

  /** HMAC-SHA256 of the values in canonical JSON, as hex. */
  mac(values: unknown[]): string {
    return createHmac('sha256', this.#secret).update(canonicalJson(values)).digest('hex');
  }

  /** The key as text: 64 hex digits and more, as TONGBAN_AUDIT_KEY and key files hold it. */
  toText(): string {
    return this.#secret.toString('hex');
  }
}

/** Reads a key given as hex (64 digits or more) or base64 (32 bytes or more); `source` names it in errors. */
export function parseAuditKey(text: string, source: string): AuditKey {
  const value = text.trim();
  const secret =
    /^[0-9a-fA-F]+$/.test(value) && value.length % 2 === 0
      ? Buffer.from(value, 'hex')
      : /^[A-Za-z0-9+/_-]+={0,2}$/.test(value)
        ? Buffer.from(value, 'base64')
        : Buffer.alloc(0);
  if (secret.length < minimumBytes)
    throw new Error(
      `${source} must hold at least ${minimumBytes} random bytes as hex or base64 (e.g. \`openssl rand -hex 32\`)`,
    );
  return new AuditKey(secret);
}

export interface AuditKeySource {
  /** TONGBAN_AUDIT_KEY, if set. */
  auditKey: string | undefined;
  /** Where the key file is (TONGBAN_AUDIT_KEY_FILE, else `<data dir>/audit.key`). */
  auditKeyFile: string;
  /** Set: the scaled mode, where every process must be given the same key. */
  databaseUrl: string | undefined;
}

/**
 * The key of this installation: TONGBAN_AUDIT_KEY; else the key file; else, in the embedded mode only,
 * a new key written to the key file (mode 0600) on the first start. The scaled mode never makes one up:
 * its API nodes and workers must share one key, so it refuses to start without it.
 */
export function resolveAuditKey(config: AuditKeySource): AuditKey {
  if (config.auditKey !== undefined) return parseAuditKey(config.auditKey, 'TONGBAN_AUDIT_KEY');
  const file = config.auditKeyFile;
  if (existsSync(file)) return parseAuditKey(readFileSync(file, 'utf8'), `the audit key file ${file}`);
  if (config.databaseUrl !== undefined)
    throw new Error(
      `no audit key: the scaled mode needs TONGBAN_AUDIT_KEY or a key file at TONGBAN_AUDIT_KEY_FILE (${file}), the same on every API node and worker`,
    );
  const key = AuditKey.generate();
  mkdirSync(dirname(file), { recursive: true });
  try {
    // 'wx': if another process made one meanwhile, theirs is the key
    writeFileSync(file, `${key.toText()}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return parseAuditKey(readFileSync(file, 'utf8'), `the audit key file ${file}`);
  }
  return key;
}
