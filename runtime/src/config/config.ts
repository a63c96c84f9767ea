import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Everything configurable, read once from the environment (documented in the README). */
export interface RuntimeConfig {
  port: number;
  host: string;
  /** Embedded mode keeps its PGlite database here. */
  dataDir: string;
  /** Set: PostgreSQL (scaled mode). Unset: PGlite under dataDir (embedded mode). */
  databaseUrl: string | undefined;
  /** Set: BullMQ on Redis. Unset: the in-process local driver. */
  redisUrl: string | undefined;
  /** Key prefix of everything Tongban keeps in Redis. */
  redisPrefix: string;
  /** How long a worker holds the timers it claimed; a crashed worker's timers return after this. */
  timerLeaseMs: number;
  logLevel: string;
  /** How long a login lasts. */
  sessionTtlMs: number;
  /** Send cookies with `Secure` (behind HTTPS). */
  secureCookies: boolean;
  /** How long a saved application (draft) is kept after it was last saved. */
  draftTtlMs: number;
  /** Largest attachment accepted, in bytes. */
  maxAttachmentBytes: number;
  /** Largest draft accepted, in bytes of its JSON body. */
  maxDraftBytes: number;
  /** Draft saves (new or again) one address may make in a minute. */
  draftSavesPerMinute: number;
  /** Sign-in attempts one address may make in a minute, whatever the names tried. */
  loginsPerAddressPerMinute: number;
  /** Sign-in attempts on one name in a minute, from whatever addresses. */
  loginsPerNamePerMinute: number;
  /**
   * Which proxies in front of the API may name the client's address (X-Forwarded-For): a number of
   * hops or a list of addresses and CIDR ranges. Off by default: the address is the socket's.
   */
  trustProxy: boolean | number | string[];
  /**
   * Where attachment bytes are stored (TONGBAN_ATTACHMENTS_DIR, else `<dataDir>/attachments`). Every API
   * node of the scaled mode must see the same directory (docs/decisions/0010).
   */
  attachmentsDir: string;
  /**
   * How far a worker process lets its JavaScript heap grow past what is live before collecting, in
   * percent (V8 picks up to 300% by itself when allocation is fast).
   */
  workerHeapGrowthPercent: number;
  /** The key the audit chains are keyed with, as text (TONGBAN_AUDIT_KEY); unset: the key file's. */
  auditKey: string | undefined;
  /**
   * Where the audit key is kept when TONGBAN_AUDIT_KEY is unset: TONGBAN_AUDIT_KEY_FILE, else
   * `<dataDir>/audit.key` (the embedded mode writes a new key there, mode 0600, on its first start).
   */
  auditKeyFile: string;
  /** How often workers link new ledger entries into the sealed global audit chain. */
  auditSealMs: number;
  /**
   * The definitions library `tongban start` and `tongban seed` import (TONGBAN_DEFINITIONS_DIR, else the
   * repository's definitions/); `tongban start` imports it again only when it changed.
   */
  definitionsDir: string;
  /**
   * PGlite's shared buffers in MB (TONGBAN_PGLITE_SHARED_BUFFERS_MB, 16): its WebAssembly memory grows to
   * hold them and never shrinks, so PostgreSQL's default of 128 MB would stay with the process for good.
   */
  pgliteSharedBuffersMb: number;
  /**
   * Where the built web apps are served from (docs/decisions/0020): TONGBAN_WEB_DIR/<app>, else each app's
   * own dist folder in the repository (packages/portal/dist, packages/workbench/dist, designer/dist).
   */
  webApps: Record<WebAppName, string>;
}

/** The web apps the runtime serves, each under /<name>/ beside the API under /api. */
export const webAppNames = ['portal', 'workbench', 'designer'] as const;
export type WebAppName = (typeof webAppNames)[number];

const repositoryDist: Record<WebAppName, string> = {
  portal: '../../../packages/portal/dist',
  workbench: '../../../packages/workbench/dist',
  designer: '../../../designer/dist',
};

function webAppDirs(webDir: string | undefined): Record<WebAppName, string> {
  const dirs = {} as Record<WebAppName, string>;
  for (const name of webAppNames)
    dirs[name] = webDir
      ? resolve(webDir, name)
      : fileURLToPath(new URL(repositoryDist[name], import.meta.url));
  return dirs;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): RuntimeConfig {
  const dataDir = resolve(env.TONGBAN_DATA_DIR ?? './data');
  return {
    port: integer(env.PORT, 3000, 'PORT'),
    host: env.HOST ?? '127.0.0.1',
    dataDir,
    databaseUrl: env.DATABASE_URL || undefined,
    redisUrl: env.REDIS_URL || undefined,
    redisPrefix: env.TONGBAN_REDIS_PREFIX || 'tongban',
    timerLeaseMs: integer(env.TONGBAN_TIMER_LEASE_SECONDS, 30, 'TONGBAN_TIMER_LEASE_SECONDS') * 1000,
    logLevel: env.LOG_LEVEL ?? 'info',
    sessionTtlMs: integer(env.TONGBAN_SESSION_HOURS, 12, 'TONGBAN_SESSION_HOURS') * 3_600_000,
    secureCookies: env.TONGBAN_SECURE_COOKIES === 'true',
    draftTtlMs: integer(env.TONGBAN_DRAFT_DAYS, 30, 'TONGBAN_DRAFT_DAYS') * 86_400_000,
    maxAttachmentBytes: integer(env.TONGBAN_MAX_ATTACHMENT_MB, 10, 'TONGBAN_MAX_ATTACHMENT_MB') * 1024 * 1024,
    maxDraftBytes: integer(env.TONGBAN_MAX_DRAFT_KB, 256, 'TONGBAN_MAX_DRAFT_KB') * 1024,
    draftSavesPerMinute: integer(env.TONGBAN_DRAFT_SAVES_PER_ADDRESS, 30, 'TONGBAN_DRAFT_SAVES_PER_ADDRESS'),
    loginsPerAddressPerMinute: integer(env.TONGBAN_LOGINS_PER_ADDRESS, 20, 'TONGBAN_LOGINS_PER_ADDRESS'),
    loginsPerNamePerMinute: integer(env.TONGBAN_LOGINS_PER_NAME, 10, 'TONGBAN_LOGINS_PER_NAME'),
    trustProxy: proxies(env.TONGBAN_TRUST_PROXY),
    attachmentsDir: resolve(
      env.TONGBAN_ATTACHMENTS_DIR || join(resolve(env.TONGBAN_DATA_DIR ?? './data'), 'attachments'),
    ),
    workerHeapGrowthPercent: integer(
      env.TONGBAN_WORKER_HEAP_GROWTH_PERCENT,
      30,
      'TONGBAN_WORKER_HEAP_GROWTH_PERCENT',
    ),
    auditKey: env.TONGBAN_AUDIT_KEY || undefined,
    auditKeyFile: resolve(env.TONGBAN_AUDIT_KEY_FILE || join(dataDir, 'audit.key')),
    auditSealMs: integer(env.TONGBAN_AUDIT_SEAL_SECONDS, 1, 'TONGBAN_AUDIT_SEAL_SECONDS') * 1000,
    definitionsDir: resolve(
      env.TONGBAN_DEFINITIONS_DIR || fileURLToPath(new URL('../../../definitions', import.meta.url)),
    ),
    pgliteSharedBuffersMb: integer(
      env.TONGBAN_PGLITE_SHARED_BUFFERS_MB,
      16,
      'TONGBAN_PGLITE_SHARED_BUFFERS_MB',
    ),
    webApps: webAppDirs(env.TONGBAN_WEB_DIR || undefined),
  };
}

function integer(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed <= 0)
    throw new Error(`${name} must be a positive whole number, got "${value}"`);
  return parsed;
}

/** `TONGBAN_TRUST_PROXY`: unset (trust none), a hop count, or addresses and CIDR ranges separated by commas. */
function proxies(value: string | undefined): boolean | number | string[] {
  if (value === undefined || value.trim() === '') return false;
  if (/^\d+$/.test(value.trim())) return integer(value.trim(), 1, 'TONGBAN_TRUST_PROXY');
  return value
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
}
