import { createHash } from 'node:crypto';
import type { AuditKey } from './audit-key.js';
import { canonicalJson } from './canonical-json.js';

export interface AuditEntry {
  caseId: string;
  actorId: string | null;
  action: string;
  at: Date;
  before?: unknown;
  after?: unknown;
  data?: Record<string, unknown>;
}

/** What the first event of a chain links to. */
export const GENESIS = 'genesis';

/** The `mac` of a ledger entry that holds the head of a chain written before chains were keyed. */
export const LEGACY = 'legacy';

/** One event as stored: the entry, its place in the chain, and the hash that seals it. */
export interface ChainedRow {
  caseId: string;
  seq: number;
  at: Date;
  actorId: string | null;
  action: string;
  before: unknown;
  after: unknown;
  data: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

/** A case's new head as the global ledger keeps it. */
export interface LedgerEntry {
  seq: number;
  head: string;
  mac: string;
}

export interface ChainedRows {
  rows: ChainedRow[];
  /** The new head of the chain, to keep on the case row. */
  seq: number;
  hash: string;
  /** The new head for the global ledger, written with the rows; null when there are no rows. */
  ledger: LedgerEntry | null;
}

const fieldsOf = (entry: Omit<ChainedRow, 'hash'>): unknown[] => [
  entry.caseId,
  entry.seq,
  entry.at.toISOString(),
  entry.actorId,
  entry.action,
  entry.before ?? null,
  entry.after ?? null,
  entry.data,
  entry.prevHash,
];

/** An event's hash: HMAC-SHA256 with the audit key over its content and the hash before it. */
export function eventHash(key: AuditKey, entry: Omit<ChainedRow, 'hash'>): string {
  return key.mac(fieldsOf(entry));
}

/** The unkeyed hash events had before the ledger (plain SHA-256); only legacy prefixes are checked with it. */
export function legacyEventHash(entry: Omit<ChainedRow, 'hash'>): string {
  return createHash('sha256')
    .update(canonicalJson(fieldsOf(entry)))
    .digest('hex');
}

/** The mac of a ledger entry: binds a case's head to the case and its sequence number. */
export function ledgerMac(key: AuditKey, caseId: string, seq: number, head: string): string {
  return key.mac(['ledger', caseId, seq, head]);
}

/** The link of a sealed ledger entry: its position, the link before it, and the whole entry. */
export function sealLink(
  key: AuditKey,
  position: number,
  previous: string,
  entry: { caseId: string; seq: number; head: string; mac: string },
): string {
  return key.mac(['seal', position, previous, entry.caseId, entry.seq, entry.head, entry.mac]);
}

/**
 * Links entries onto a chain whose head is `head`: sequence numbers and keyed hashes, and the ledger
 * entry of the new head; computed here, written by the caller.
 */
export function chainRows(
  key: AuditKey,
  caseId: string,
  head: { seq: number; hash: string },
  entries: AuditEntry[],
): ChainedRows {
  let seq = head.seq;
  let prevHash = head.hash === '' ? GENESIS : head.hash;
  const rows = entries.map((entry) => {
    seq += 1;
    const row = {
      caseId,
      seq,
      at: entry.at,
      actorId: entry.actorId,
      action: entry.action,
      before: entry.before ?? null,
      after: entry.after ?? null,
      data: entry.data ?? {},
      prevHash,
    };
    const hash = eventHash(key, row);
    prevHash = hash;
    return { ...row, hash };
  });
  if (rows.length === 0) return { rows, seq, hash: head.hash, ledger: null };
  return {
    rows,
    seq,
    hash: prevHash,
    ledger: { seq, head: prevHash, mac: ledgerMac(key, caseId, seq, prevHash) },
  };
}
