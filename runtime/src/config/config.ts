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
  /** Drafts one address may open by their resume code in a minute (a code is short enough to type). */
  draftOpensPerMinute: number;
  /** Reports of a problem one address may file in a minute (decision 0024). */
  reportsPerMinute: number;
  /** Report photos one address may upload in a minute, with or without an account. */
  reportPhotosPerMinute: number;
  /** Largest report photo accepted, in bytes (the portal sends them compressed, well under it). */
  maxReportPhotoBytes: number;
  /** Follow-code lookups and ratings one address may make in a minute, right codes or wrong. */
  reportLookupsPerMinute: number;
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
  /** Sign-in by phone and one-time code (decision 0023). */
  phoneCodes: PhoneCodeConfig;
  /**
   * Where text messages (sign-in codes) go: a webhook of an SMS gateway (TONGBAN_SMS_WEBHOOK_URL), else the
   * `log` channel, which writes them to the log and, when `devMailbox` is on, to the development mailbox.
   */
  messages: MessageChannelConfig;
  /**
   * The development mailbox (GET /api/dev/mailbox lists the messages the log channel sent): on in the
   * embedded mode without a webhook, or as TONGBAN_DEV_MAILBOX says (`true` / `false`). Never on a server
   * real residents sign in to: whoever reads it can sign in as anyone.
   */
  devMailbox: boolean;
}

export interface PhoneCodeConfig {
  /** How long a code is good for (TONGBAN_PHONE_CODE_MINUTES, 5; or TONGBAN_PHONE_CODE_SECONDS). */
  ttlMs: number;
  /** The least time between two codes for one phone (TONGBAN_PHONE_CODE_INTERVAL_SECONDS, 60). */
  intervalMs: number;
  /** Wrong codes that end a code (TONGBAN_PHONE_CODE_TRIES, 5). */
  maxTries: number;
  /** Codes one phone may be sent in a day (TONGBAN_PHONE_CODES_PER_DAY, 10). */
  perPhonePerDay: number;
  /** Code requests one address may make in a minute (TONGBAN_PHONE_CODES_PER_ADDRESS, 10). */
  perAddressPerMinute: number;
  /** Code requests for one phone in a minute, from whatever addresses (TONGBAN_PHONE_CODES_PER_PHONE, 3). */
  perPhonePerMinute: number;
}

export type MessageChannelConfig =
  | { channel: 'log' }
  | {
      channel: 'webhook';
      /** TONGBAN_SMS_WEBHOOK_URL: receives `POST` JSON `{ id, to, text, template, params, createdAt }`. */
      url: string;
      /** TONGBAN_SMS_WEBHOOK_TOKEN, sent as `Authorization: Bearer <token>` when set. */
      token: string | undefined;
    };

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
  const messages = messageChannel(env);
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
    draftOpensPerMinute: integer(env.TONGBAN_DRAFT_OPENS_PER_ADDRESS, 60, 'TONGBAN_DRAFT_OPENS_PER_ADDRESS'),
    reportsPerMinute: integer(env.TONGBAN_REPORTS_PER_ADDRESS, 10, 'TONGBAN_REPORTS_PER_ADDRESS'),
    reportPhotosPerMinute: integer(
      env.TONGBAN_REPORT_PHOTOS_PER_ADDRESS,
      30,
      'TONGBAN_REPORT_PHOTOS_PER_ADDRESS',
    ),
    maxReportPhotoBytes:
      integer(env.TONGBAN_MAX_REPORT_PHOTO_MB, 5, 'TONGBAN_MAX_REPORT_PHOTO_MB') * 1024 * 1024,
    reportLookupsPerMinute: integer(
      env.TONGBAN_REPORT_LOOKUPS_PER_ADDRESS,
      30,
      'TONGBAN_REPORT_LOOKUPS_PER_ADDRESS',
    ),
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
    phoneCodes: {
      // seconds, when given, win over minutes: a trial or a browser test sees a code expire without waiting minutes
      ttlMs: env.TONGBAN_PHONE_CODE_SECONDS
        ? integer(env.TONGBAN_PHONE_CODE_SECONDS, 300, 'TONGBAN_PHONE_CODE_SECONDS') * 1000
        : integer(env.TONGBAN_PHONE_CODE_MINUTES, 5, 'TONGBAN_PHONE_CODE_MINUTES') * 60_000,
      intervalMs:
        integer(env.TONGBAN_PHONE_CODE_INTERVAL_SECONDS, 60, 'TONGBAN_PHONE_CODE_INTERVAL_SECONDS') * 1000,
      maxTries: integer(env.TONGBAN_PHONE_CODE_TRIES, 5, 'TONGBAN_PHONE_CODE_TRIES'),
      perPhonePerDay: integer(env.TONGBAN_PHONE_CODES_PER_DAY, 10, 'TONGBAN_PHONE_CODES_PER_DAY'),
      perAddressPerMinute: integer(
        env.TONGBAN_PHONE_CODES_PER_ADDRESS,
        10,
        'TONGBAN_PHONE_CODES_PER_ADDRESS',
      ),
      perPhonePerMinute: integer(env.TONGBAN_PHONE_CODES_PER_PHONE, 3, 'TONGBAN_PHONE_CODES_PER_PHONE'),
    },
    messages,
    devMailbox: flag(
      env.TONGBAN_DEV_MAILBOX,
      !env.DATABASE_URL && messages.channel === 'log',
      'TONGBAN_DEV_MAILBOX',
    ),
  };
}

/** TONGBAN_SMS_WEBHOOK_URL: an http(s) URL, else the log channel. */
function messageChannel(env: NodeJS.ProcessEnv): MessageChannelConfig {
  const url = env.TONGBAN_SMS_WEBHOOK_URL;
  if (url === undefined || url.trim() === '') return { channel: 'log' };
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    throw new Error(`TONGBAN_SMS_WEBHOOK_URL must be an http or https URL, got "${url}"`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    throw new Error(`TONGBAN_SMS_WEBHOOK_URL must be an http or https URL, got "${url}"`);
  return { channel: 'webhook', url: parsed.toString(), token: env.TONGBAN_SMS_WEBHOOK_TOKEN || undefined };
}

function flag(value: string | undefined, fallback: boolean, name: string): boolean {
  if (value === undefined || value === '') return fallback;
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw new Error(`${name} must be true or false, got "${value}"`);
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
