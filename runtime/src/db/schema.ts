import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { CaseSnapshot, LocalizedText, OutcomeView } from '@tongban/engine';

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });
const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const roles = ['admin', 'supervisor', 'staff', 'grid', 'resident'] as const;
export type Role = (typeof roles)[number];

export const departments = pgTable('departments', {
  code: text('code').primaryKey(),
  parent: text('parent'),
  level: text('level').notNull(),
  title: jsonb('title').$type<LocalizedText>().notNull(),
  calendar: text('calendar'),
  /** How new tasks reach people: left in the shared inbox, round-robin, or to the least loaded. */
  dispatch: jsonb('dispatch').$type<DispatchPolicy>(),
});

export interface DispatchPolicy {
  mode: 'shared' | 'roundRobin' | 'leastLoaded';
  /** Scaled mode: at most this many of the department's jobs run at once across all workers. */
  concurrency?: number;
  /** Scaled mode: at most this many jobs a minute. */
  perMinute?: number;
}

export const users = pgTable('users', {
  id: uuid('id').primaryKey(),
  username: text('username').notNull().unique(),
  displayName: text('display_name').notNull(),
  passwordHash: text('password_hash').notNull(),
  disabled: boolean('disabled').notNull().default(false),
  createdAt: at('created_at').notNull().defaultNow(),
  /** While away, tasks given to this person go to the deputy instead. */
  deputyId: uuid('deputy_id'),
  awayUntil: at('away_until'),
  /**
   * A resident who signs in by phone (decision 0023): the keyed hash of their mobile number, never the
   * number itself; null for accounts with a password only.
   */
  phoneKey: text('phone_key').unique(),
});

/** Who works where in which role; residents have one row with no department. */
export const memberships = pgTable(
  'memberships',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    department: text('department').notNull().default(''),
    role: text('role').$type<Role>().notNull(),
    /** Staff off duty get no tasks from automatic dispatch. */
    onDuty: boolean('on_duty').notNull().default(true),
  },
  (table) => [primaryKey({ columns: [table.userId, table.department, table.role] })],
);

export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: at('created_at').notNull().defaultNow(),
    expiresAt: at('expires_at').notNull(),
  },
  (table) => [index('sessions_user').on(table.userId)],
);

export const definitionStatuses = ['draft', 'published', 'retired'] as const;
export type DefinitionStatus = (typeof definitionStatuses)[number];

export const definitions = pgTable(
  'definitions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    kind: text('kind').notNull(),
    key: text('key').notNull(),
    version: integer('version').notNull(),
    status: text('status').$type<DefinitionStatus>().notNull(),
    body: jsonb('body').$type<Record<string, unknown>>().notNull(),
    /**
     * The text as written (decision 0018): what the engine compiles and what is exported, byte for byte
     * (jsonb reorders keys). Null for a version stored before, whose writing is lost: read from `body`.
     */
    source: text('source'),
    contentHash: text('content_hash').notNull(),
    createdBy: uuid('created_by'),
    createdAt: at('created_at').notNull().defaultNow(),
    publishedAt: at('published_at'),
  },
  (table) => [uniqueIndex('definitions_version').on(table.kind, table.key, table.version)],
);

export const caseStatuses = ['active', 'done', 'cancelled'] as const;
export type CaseStatus = (typeof caseStatuses)[number];

/** Who may see a timeline entry or a comment: the applicant (and departments), or departments only. */
export const visibilities = ['applicant', 'internal'] as const;
export type Visibility = (typeof visibilities)[number];

export const cases = pgTable(
  'cases',
  {
    id: uuid('id').primaryKey(),
    workflowKey: text('workflow_key').notNull(),
    workflowVersion: integer('workflow_version').notNull(),
    matterKey: text('matter_key'),
    parentCaseId: uuid('parent_case_id'),
    bundleKey: text('bundle_key'),
    applicantId: uuid('applicant_id'),
    /** Internal to departments (a bad rating's follow-up): no applicant, never shown to a resident. */
    internal: boolean('internal').notNull().default(false),
    title: jsonb('title').$type<LocalizedText>().notNull(),
    status: text('status').$type<CaseStatus>().notNull(),
    result: text('result'),
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
    snapshot: jsonb('snapshot').$type<CaseSnapshot>().notNull(),
    version: integer('version').notNull(),
    /** The newest audit event's sequence and hash, so truncating the chain is detectable too. */
    auditSeq: integer('audit_seq').notNull().default(0),
    auditHead: text('audit_head').notNull().default(''),
    openedAt: at('opened_at').notNull(),
    /** The matter's time limit: null while its clock stands (a supplement is asked for) or without one. */
    dueAt: at('due_at'),
    /** Counted past the years its calendar knows the holidays of: it may be too early (decision 0017). */
    dueUncertain: boolean('due_uncertain').notNull().default(false),
    /** When the case's clock stopped for a supplement; null while it runs. */
    duePausedAt: at('due_paused_at'),
    closedAt: at('closed_at'),
    /**
     * One open case per person (a matter's `oneOpenCasePer`, decision 0022): a keyed hash of the matter
     * and the person's value (an ID number), never the value itself. Null for matters without the rule.
     */
    oneOpenKey: text('one_open_key'),
  },
  (table) => [
    index('cases_applicant').on(table.applicantId, table.openedAt),
    index('cases_parent').on(table.parentCaseId),
    index('cases_status_opened').on(table.status, table.openedAt),
    // the slot is held while the case is active: the statement that closes a case frees it, and two
    // simultaneous starts cannot both take it
    uniqueIndex('cases_one_open')
      .on(table.oneOpenKey)
      .where(sql`${table.status} = 'active' and ${table.oneOpenKey} is not null`),
  ],
);

export const taskStatuses = ['open', 'waiting', 'completed', 'cancelled'] as const;
export type TaskStatus = (typeof taskStatuses)[number];

export const tasks = pgTable(
  'tasks',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    stateId: text('state_id').notNull(),
    title: jsonb('title').$type<LocalizedText>().notNull(),
    matterKey: text('matter_key'),
    department: text('department').notNull(),
    assigneeId: uuid('assignee_id'),
    status: text('status').$type<TaskStatus>().notNull(),
    outcome: text('outcome'),
    reason: text('reason'),
    priority: text('priority').notNull(),
    formKey: text('form_key'),
    outcomes: jsonb('outcomes').$type<OutcomeView[]>().notNull(),
    flag: text('flag').notNull().default('none'),
    escalationLevel: integer('escalation_level').notNull().default(0),
    openedAt: at('opened_at').notNull(),
    dueAt: at('due_at'),
    /** Counted past the years its calendar knows the holidays of: it may be too early (decision 0017). */
    dueUncertain: boolean('due_uncertain').notNull().default(false),
    warnAt: at('warn_at'),
    closedAt: at('closed_at'),
    closedBy: uuid('closed_by'),
  },
  (table) => [
    // the inbox: a department's open tasks by due time, then id for a stable keyset
    index('tasks_inbox').on(table.department, table.status, table.dueAt, table.id),
    index('tasks_case').on(table.caseId),
    index('tasks_assignee').on(table.assigneeId, table.status),
  ],
);

export const timerStatuses = ['pending', 'fired', 'cancelled'] as const;

export const timers = pgTable(
  'timers',
  {
    id: text('id').primaryKey(),
    caseId: uuid('case_id').notNull(),
    taskId: uuid('task_id'),
    action: text('action').notNull(),
    fireAt: at('fire_at').notNull(),
    status: text('status').$type<(typeof timerStatuses)[number]>().notNull(),
    attempts: integer('attempts').notNull().default(0),
    firedAt: at('fired_at'),
    /** A worker that claimed the timer holds it until then; after that another may. */
    lockedUntil: at('locked_until'),
  },
  (table) => [index('timers_due').on(table.status, table.fireAt)],
);

/** Rows written in the command's transaction and relayed to the queue driver after commit. */
export const outbox = pgTable(
  'outbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    topic: text('topic').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
    sentAt: at('sent_at'),
    attempts: integer('attempts').notNull().default(0),
    /** A relay that claimed the row holds it until then. */
    lockedUntil: at('locked_until'),
    lastError: text('last_error'),
  },
  (table) => [
    index('outbox_unsent')
      .on(table.id)
      .where(sql`${table.sentAt} is null`),
  ],
);

/** Append-only, hash-chained per case. */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    caseId: uuid('case_id').notNull(),
    seq: integer('seq').notNull(),
    at: at('at').notNull(),
    actorId: uuid('actor_id'),
    action: text('action').notNull(),
    before: jsonb('before').$type<unknown>(),
    after: jsonb('after').$type<unknown>(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (table) => [uniqueIndex('audit_case_seq').on(table.caseId, table.seq)],
);

/**
 * The global audit ledger (decision 0009), sealed: entries linked in one keyed chain by the sealer, each
 * a case's head after a commit. A chain rewritten, a case deleted or a case's events left behind no longer
 * match what the ledger says; an entry deleted leaves a gap in the positions.
 */
export const auditLedger = pgTable(
  'audit_ledger',
  {
    /** The entry's place in the sealed chain: 1, 2, 3, ... without a gap. */
    position: bigint('position', { mode: 'number' }).primaryKey(),
    caseId: uuid('case_id').notNull(),
    /** The case's chain after the commit: its newest sequence number and hash. */
    seq: integer('seq').notNull(),
    head: text('head').notNull(),
    /** HMAC(key, case, seq, head); `legacy` for the head of an unkeyed chain written before the ledger. */
    mac: text('mac').notNull(),
    /** HMAC(key, position, the link before, the entry). */
    link: text('link').notNull(),
  },
  (table) => [index('audit_ledger_case').on(table.caseId, table.seq)],
);

/**
 * Ledger entries not sealed yet: every commit that extends a case's chain inserts its new head here, in
 * the same statement. No index, so a commit pays for one row only; the sealer takes them all, a second or
 * so later, into `audit_ledger`.
 */
export const auditLedgerPending = pgTable('audit_ledger_pending', {
  caseId: uuid('case_id').notNull(),
  seq: integer('seq').notNull(),
  head: text('head').notNull(),
  mac: text('mac').notNull(),
});

export const comments = pgTable(
  'comments',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    taskId: uuid('task_id'),
    authorId: uuid('author_id').notNull(),
    body: text('body').notNull(),
    visibility: text('visibility').$type<Visibility>().notNull().default('internal'),
    createdAt: at('created_at').notNull(),
  },
  (table) => [index('comments_case').on(table.caseId, table.createdAt)],
);

export const attachments = pgTable(
  'attachments',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    taskId: uuid('task_id'),
    name: text('name').notNull(),
    /** The matter's material this document is (its `key`), if the uploader said. */
    material: text('material'),
    /** The type read from the bytes, equal to the one declared. */
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    /** The bytes are in the attachment store under this hash (docs/decisions/0010). */
    sha256: text('sha256').notNull(),
    /** Only attachments uploaded before the store: their bytes, kept where they were. */
    content: bytea('content'),
    uploadedBy: uuid('uploaded_by').notNull(),
    createdAt: at('created_at').notNull(),
  },
  (table) => [index('attachments_case').on(table.caseId)],
);

/**
 * Files a person uploaded for an application before its case exists (decision 0021): theirs alone,
 * named by id in the application's data, and moved into `attachments` (same id, same bytes) in the
 * transaction that starts the case. The bytes are in the attachment store under `sha256`, as an
 * attachment's are.
 */
export const uploads = pgTable(
  'uploads',
  {
    id: uuid('id').primaryKey(),
    ownerId: uuid('owner_id').notNull(),
    name: text('name').notNull(),
    /** The type read from the bytes, equal to the one declared. */
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    createdAt: at('created_at').notNull(),
  },
  (table) => [index('uploads_owner').on(table.ownerId, table.createdAt)],
);

/**
 * A neighbourhood problem reported through the portal (随手拍, decision 0024): the case it started and
 * the keyed hash of its follow code, by which the reporter (with or without an account) follows it
 * and rates it. The code itself is never stored.
 */
export const reports = pgTable('reports', {
  caseId: uuid('case_id')
    .primaryKey()
    .references(() => cases.id),
  codeHash: text('code_hash').notNull().unique(),
  createdAt: at('created_at').notNull(),
});

export const ratings = pgTable('ratings', {
  caseId: uuid('case_id')
    .primaryKey()
    .references(() => cases.id),
  /** null: someone who reported without an account, rating with the report's follow code (decision 0024). */
  raterId: uuid('rater_id'),
  score: text('score').$type<'good' | 'average' | 'bad'>().notNull(),
  reason: text('reason'),
  createdAt: at('created_at').notNull(),
});

export const supervisionOrders = pgTable(
  'supervision_orders',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id').notNull(),
    taskId: uuid('task_id'),
    department: text('department').notNull(),
    openedBy: uuid('opened_by'),
    openedAt: at('opened_at').notNull(),
    /** What the supervisor demands (opened by hand); empty for orders an escalation ladder opened. */
    note: text('note'),
    respondBy: at('respond_by').notNull(),
    response: text('response'),
    respondedAt: at('responded_at'),
    status: text('status').$type<'open' | 'answered' | 'overdue'>().notNull(),
  },
  (table) => [index('supervision_department').on(table.department, table.status)],
);

export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id'),
    taskId: uuid('task_id'),
    recipient: text('recipient').notNull(),
    template: text('template').notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
    createdAt: at('created_at').notNull(),
    readAt: at('read_at'),
  },
  (table) => [index('notifications_recipient').on(table.recipient, table.createdAt)],
);

/** Jobs that failed every retry: kept for an administrator to read and send again. */
export const deadLetters = pgTable(
  'dead_letters',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    queue: text('queue').notNull(),
    jobId: text('job_id').notNull(),
    name: text('name').notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
    error: text('error').notNull(),
    attempts: integer('attempts').notNull(),
    failedAt: at('failed_at').notNull(),
    retriedAt: at('retried_at'),
  },
  (table) => [
    index('dead_letters_open')
      .on(table.failedAt)
      .where(sql`${table.retriedAt} is null`),
  ],
);

/** Round-robin dispatch: who in the department got the last task. */
export const dispatchCursors = pgTable('dispatch_cursors', {
  department: text('department').primaryKey(),
  lastUserId: uuid('last_user_id'),
});

export const bundleApplicationStatuses = ['active', 'done'] as const;
export type BundleApplicationStatus = (typeof bundleApplicationStatuses)[number];

/** One resident's application for a one-thing bundle (一件事): one form, one tracker, one result. */
export const bundleApplications = pgTable(
  'bundle_applications',
  {
    id: uuid('id').primaryKey(),
    bundleKey: text('bundle_key').notNull(),
    bundleVersion: integer('bundle_version').notNull(),
    applicantId: uuid('applicant_id'),
    /** The combined form's data, as submitted. */
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
    status: text('status').$type<BundleApplicationStatus>().notNull(),
    /** approved (every matter), partial (some), rejected (none). */
    result: text('result'),
    openedAt: at('opened_at').notNull(),
    closedAt: at('closed_at'),
  },
  (table) => [index('bundle_applications_applicant').on(table.applicantId, table.openedAt)],
);

export const bundleItemStatuses = ['waiting', 'started', 'done', 'skipped'] as const;
export type BundleItemStatus = (typeof bundleItemStatuses)[number];

/** A matter of a bundle application: its child case once started, waiting for the matters it comes after. */
export const bundleItems = pgTable(
  'bundle_items',
  {
    applicationId: uuid('application_id')
      .notNull()
      .references(() => bundleApplications.id),
    matter: text('matter').notNull(),
    position: integer('position').notNull(),
    after: jsonb('after').$type<string[]>().notNull(),
    status: text('status').$type<BundleItemStatus>().notNull(),
    caseId: uuid('case_id'),
    result: text('result'),
  },
  (table) => [
    primaryKey({ columns: [table.applicationId, table.matter] }),
    uniqueIndex('bundle_items_case').on(table.caseId),
  ],
);

/** A resident's rating of a whole bundle application (好差评), once it has closed. */
export const bundleRatings = pgTable('bundle_ratings', {
  applicationId: uuid('application_id')
    .primaryKey()
    .references(() => bundleApplications.id),
  raterId: uuid('rater_id').notNull(),
  score: text('score').$type<'good' | 'average' | 'bad'>().notNull(),
  reason: text('reason'),
  createdAt: at('created_at').notNull(),
});

/**
 * An application saved before it is submitted, by anyone: resumed from any device with its token (only
 * its hash is kept), or from "my applications" by its owner when they were signed in.
 */
export const drafts = pgTable(
  'drafts',
  {
    id: uuid('id').primaryKey(),
    tokenHash: text('token_hash').notNull(),
    ownerId: uuid('owner_id'),
    /** What it will be submitted as: a matter's form or a bundle's combined form. */
    kind: text('kind').$type<'matter' | 'bundle'>().notNull(),
    key: text('key').notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
    /** The step of the form the applicant had reached. */
    step: integer('step').notNull().default(0),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
    expiresAt: at('expires_at').notNull(),
  },
  (table) => [
    uniqueIndex('drafts_token').on(table.tokenHash),
    index('drafts_owner').on(table.ownerId, table.updatedAt),
    index('drafts_expiry').on(table.expiresAt),
  ],
);

/**
 * Collect once (一次采集、多方复用): the data elements a resident confirmed by submitting them, kept in
 * their profile to prefill the next application.
 */
export const profileElements = pgTable(
  'profile_elements',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** The data element, e.g. `person.idNumber`. */
    element: text('element').notNull(),
    /** The confirmed value wrapped as `{ v: value }` (a bare JSON string would be read back mangled). */
    value: jsonb('value').$type<{ v: unknown }>().notNull(),
    sensitive: boolean('sensitive').notNull().default(false),
    confirmedAt: at('confirmed_at').notNull(),
  },
  (table) => [primaryKey({ columns: [table.userId, table.element] })],
);

/**
 * What the runtime imported by itself: the definitions library that `tongban start` imports, known by a
 * hash of its files, so that an unchanged library is not imported again at every start (decision 0018).
 */
export const libraryImports = pgTable('library_imports', {
  /** Which library: `definitions`, the folder TONGBAN_DEFINITIONS_DIR names. */
  name: text('name').primaryKey(),
  /** SHA-256 over every file's path inside the folder and its bytes. */
  hash: text('hash').notNull(),
  importedAt: at('imported_at').notNull(),
});

/**
 * One-time sign-in codes sent to a phone (decision 0023): the keyed hash of the phone and of the code,
 * never either in clear. A code is good until `expires_at`, once (`consumed_at`), and for at most a few
 * wrong tries (`attempts`); only a phone's newest code counts.
 */
export const phoneCodes = pgTable(
  'phone_codes',
  {
    id: uuid('id').primaryKey(),
    phoneKey: text('phone_key').notNull(),
    codeHash: text('code_hash').notNull(),
    createdAt: at('created_at').notNull(),
    expiresAt: at('expires_at').notNull(),
    attempts: integer('attempts').notNull().default(0),
    consumedAt: at('consumed_at'),
  },
  (table) => [index('phone_codes_phone').on(table.phoneKey, table.createdAt)],
);

/**
 * The development mailbox: the text messages the `log` channel "sent" (decision 0023), read by a developer
 * and the browser tests at GET /api/dev/mailbox. The phone is kept as its keyed hash and masked.
 */
export const devMailbox = pgTable(
  'dev_mailbox',
  {
    /** The message's id: a message delivered twice is one row. */
    id: uuid('id').primaryKey(),
    toKey: text('to_key').notNull(),
    /** `138****8000` */
    toMasked: text('to_masked').notNull(),
    text: text('text').notNull(),
    createdAt: at('created_at').notNull(),
  },
  (table) => [index('dev_mailbox_created').on(table.createdAt)],
);
