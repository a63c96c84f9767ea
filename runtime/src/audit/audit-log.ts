import { createHash } from 'node:crypto';
import { and, asc, eq, gt } from 'drizzle-orm';
import type { Executor } from '../db/database.js';
import { auditEvents, cases } from '../db/schema.js';
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

const GENESIS = 'genesis';

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

function hashOf(entry: Omit<ChainedRow, 'hash'>): string {
  return createHash('sha256')
    .update(
      canonicalJson([
        entry.caseId,
        entry.seq,
        entry.at.toISOString(),
        entry.actorId,
        entry.action,
        entry.before ?? null,
        entry.after ?? null,
        entry.data,
        entry.prevHash,
      ]),
    )
    .digest('hex');
}

/**
 * Appends to a case's hash chain inside the caller's transaction. The case row is locked first, so
 * two writers to one case take turns; the case row keeps the head of the chain.
 */
export async function appendAudit(tx: Executor, entries: AuditEntry[]): Promise<void> {
  const byCase = new Map<string, AuditEntry[]>();
  for (const entry of entries) byCase.set(entry.caseId, [...(byCase.get(entry.caseId) ?? []), entry]);
  for (const [caseId, list] of byCase) {
    const [head] = await tx
      .select({ seq: cases.auditSeq, hash: cases.auditHead })
      .from(cases)
      .where(eq(cases.id, caseId))
      .for('update');
    if (!head) throw new Error(`audit: no case ${caseId}`);
    await Promise.all(auditWrites(tx, caseId, head, list));
  }
}

export interface ChainedRows {
  rows: ChainedRow[];
  /** The new head of the chain, to keep on the case row. */
  seq: number;
  hash: string;
}

/** Links entries onto a chain whose head is `head`: sequence numbers and hashes, computed here, written by the caller. */
export function auditRows(
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
    const hash = hashOf(row);
    prevHash = hash;
    return { ...row, hash };
  });
  return { rows, seq, hash: rows.length === 0 ? head.hash : prevHash };
}

/**
 * The statements that extend one case's chain from a head the caller holds under the case row's lock.
 */
export function auditWrites(
  tx: Executor,
  caseId: string,
  head: { seq: number; hash: string },
  entries: AuditEntry[],
): Array<PromiseLike<unknown>> {
  if (entries.length === 0) return [];
  const chained = auditRows(caseId, head, entries);
  return [
    tx.insert(auditEvents).values(chained.rows),
    tx.update(cases).set({ auditSeq: chained.seq, auditHead: chained.hash }).where(eq(cases.id, caseId)),
  ];
}

export interface AuditBreak {
  caseId: string;
  seq: number;
  reason: string;
}

/** Walks every case's chain (or one case's) and reports the first broken link of each broken chain. */
export async function verifyAudit(
  db: Executor,
  caseId?: string,
): Promise<{ cases: number; events: number; breaks: AuditBreak[] }> {
  const heads = await db
    .select({ id: cases.id, seq: cases.auditSeq, head: cases.auditHead })
    .from(cases)
    .where(caseId === undefined ? undefined : eq(cases.id, caseId));
  const breaks: AuditBreak[] = [];
  let events = 0;
  for (const head of heads) {
    let expectedSeq = 1;
    let prevHash = GENESIS;
    let broken: AuditBreak | undefined;
    const pageSize = 1000;
    for (let after = 0; broken === undefined;) {
      const page = await db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.caseId, head.id), gt(auditEvents.seq, after)))
        .orderBy(asc(auditEvents.seq))
        .limit(pageSize);
      for (const row of page) {
        events += 1;
        if (row.seq !== expectedSeq)
          broken = {
            caseId: head.id,
            seq: expectedSeq,
            reason: `is missing (the next event found is ${row.seq})`,
          };
        else if (row.prevHash !== prevHash)
          broken = { caseId: head.id, seq: row.seq, reason: 'does not link to the event before it' };
        else if (hashOf(row) !== row.hash)
          broken = { caseId: head.id, seq: row.seq, reason: 'its content was altered after it was written' };
        if (broken) break;
        prevHash = row.hash;
        expectedSeq += 1;
      }
      if (page.length < pageSize) break;
      after = (page[page.length - 1] as (typeof page)[number]).seq;
    }
    if (!broken && expectedSeq - 1 !== head.seq) {
      broken = {
        caseId: head.id,
        seq: expectedSeq,
        reason: `the chain ends at ${expectedSeq - 1} but the case records ${head.seq} events`,
      };
    }
    if (!broken && head.seq > 0 && prevHash !== head.head)
      broken = {
        caseId: head.id,
        seq: head.seq,
        reason: 'the last event does not match the head kept on the case',
      };
    if (broken) breaks.push(broken);
  }
  return { cases: heads.length, events, breaks };
}
