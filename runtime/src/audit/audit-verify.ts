import { and, asc, eq, gt, lte, sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Executor } from '../db/database.js';
import { auditEvents, auditLedger, auditLedgerPending, cases } from '../db/schema.js';
import {
  eventHash,
  GENESIS,
  LEGACY,
  ledgerMac,
  legacyEventHash,
  sealLink,
  type ChainedRow,
} from './audit-chain.js';
import type { AuditKey } from './audit-key.js';

export interface AuditBreak {
  /** The case concerned; absent for a break in the ledger's sealed chain. */
  caseId?: string;
  /** The event where the case's chain breaks, if it is one event. */
  seq?: number;
  /** The place in the sealed ledger chain, for a break there. */
  position?: number;
  reason: string;
}

export interface AuditReport {
  cases: number;
  events: number;
  ledger: {
    sealed: number;
    unsealed: number;
    /** The last sealed link: kept outside the database, it shows a ledger cut short later. */
    head: { position: number; link: string } | null;
  };
  breaks: AuditBreak[];
}

/** A break as the CLI prints it: `case <id>: event <seq> <reason>`, `case <id>: <reason>`, or `ledger position <n>: <reason>`. */
export function describeBreak(broken: AuditBreak): string {
  if (broken.caseId === undefined) return `ledger position ${broken.position ?? '?'}: ${broken.reason}`;
  return `case ${broken.caseId}: ${broken.seq === undefined ? '' : `event ${broken.seq} `}${broken.reason}`;
}

type LedgerRow = typeof auditLedger.$inferSelect;
/** A case's ledger entry, sealed (with its position) or not yet. */
type CaseEntry = Pick<LedgerRow, 'seq' | 'head' | 'mac'> & { position: number | null };
const pageSize = 1000;

/**
 * Checks, with the key: each case's chain (every event's keyed hash and link, no event missing, the
 * head on the case row) against what the ledger recorded of it (every recorded head is the event's
 * hash, the newest recorded head is the case's); that every case the ledger names still exists; that
 * no events are left without their case; and, for the whole installation, that the sealed ledger
 * chain links from position 1 without a gap. Reports the first break of each broken chain.
 */
export async function verifyAudit(
  db: Executor,
  key: AuditKey,
  caseId?: string,
  /** A sealed head noted earlier (`tongban audit verify` prints it): the ledger must still hold it. */
  knownHead?: { position: number; link: string },
): Promise<AuditReport> {
  const ids = await db
    .select({ id: cases.id })
    .from(cases)
    .where(caseId === undefined ? undefined : eq(cases.id, caseId));
  const breaks: AuditBreak[] = [];
  let events = 0;
  for (const { id } of ids) {
    const checked = await verifyCase(db, key, id);
    events += checked.events;
    if (checked.broken) breaks.push(checked.broken);
  }
  breaks.push(...(await missingCases(db, caseId)));
  const ledger =
    caseId === undefined
      ? await verifySealedChain(db, key, breaks, knownHead)
      : { sealed: 0, unsealed: 0, head: null };
  return { cases: ids.length, events, ledger, breaks };
}

/**
 * The case's head and its ledger entries, sealed or not yet, read in one statement: a commit writes
 * both together and the sealer moves entries between the two tables while the installation runs, so
 * separate reads could see an entry in neither table or a head newer than its ledger.
 */
async function caseAndLedger(
  db: Executor,
  caseId: string,
): Promise<{ head: { seq: number; head: string } | null; ledger: CaseEntry[] }> {
  const rows = rowsOf<{
    kind: 'case' | 'entry';
    seq: number;
    head: string;
    mac: string | null;
    position: number | string | null;
  }>(
    await db.execute(sql`
      select 'case' as kind, audit_seq as seq, audit_head as head, null as mac, null::bigint as position
        from cases where id = ${caseId}
      union all
      select 'entry', seq, head, mac, position from audit_ledger where case_id = ${caseId}
      union all
      select 'entry', seq, head, mac, null from audit_ledger_pending where case_id = ${caseId}`),
  );
  const found = rows.find((row) => row.kind === 'case');
  const ledger = rows
    .filter((row) => row.kind === 'entry')
    .map((row) => ({
      seq: Number(row.seq),
      head: row.head,
      mac: row.mac as string,
      position: row.position === null ? null : Number(row.position),
    }))
    // by seq; a seq recorded twice keeps the sealed entry first, in the order it was sealed
    .sort((a, b) => a.seq - b.seq || (a.position ?? Infinity) - (b.position ?? Infinity));
  return { head: found ? { seq: Number(found.seq), head: found.head } : null, ledger };
}

async function verifyCase(
  db: Executor,
  key: AuditKey,
  caseId: string,
): Promise<{ events: number; broken?: AuditBreak }> {
  const at = (seq: number | undefined, reason: string): { events: number; broken: AuditBreak } => ({
    events,
    broken: { caseId, ...(seq === undefined ? {} : { seq }), reason },
  });
  const { head, ledger } = await caseAndLedger(db, caseId);
  // deleted since the list of cases was read: nothing of it left to check here
  if (head === null) return { events: 0 };
  const recorded = new Map(ledger.map((entry) => [entry.seq, entry]));
  const legacyUpTo = ledger[0]?.mac === LEGACY ? ledger[0].seq : 0;
  let events = 0;
  let lastPosition = 0;
  let unsealedSeen = false;
  for (const [index, entry] of ledger.entries()) {
    if (entry.mac === LEGACY ? index > 0 : entry.mac !== ledgerMac(key, caseId, entry.seq, entry.head))
      return at(entry.seq, 'was recorded in the ledger with a head the ledger did not write');
    if (index > 0 && entry.seq === (ledger[index - 1] as CaseEntry).seq)
      return at(entry.seq, 'is recorded in the ledger twice');
    if (entry.position === null) unsealedSeen = true;
    else if (unsealedSeen || entry.position <= lastPosition)
      return at(entry.seq, 'is recorded in the ledger out of order');
    else lastPosition = entry.position;
  }

  let expectedSeq = 1;
  let prevHash = GENESIS;
  for (let after = 0; ;) {
    const page = await db
      .select()
      .from(auditEvents)
      // events a commit adds after the head was read belong to a later check
      .where(and(eq(auditEvents.caseId, caseId), gt(auditEvents.seq, after), lte(auditEvents.seq, head.seq)))
      .orderBy(asc(auditEvents.seq))
      .limit(pageSize);
    for (const row of page) {
      events += 1;
      if (row.seq !== expectedSeq) return at(expectedSeq, `is missing (the next event found is ${row.seq})`);
      if (row.prevHash !== prevHash) return at(row.seq, 'does not link to the event before it');
      const hash = row.seq <= legacyUpTo ? legacyEventHash(row) : eventHash(key, row as ChainedRow);
      if (hash !== row.hash) return at(row.seq, 'its content was altered after it was written');
      const entry = recorded.get(row.seq);
      if (entry !== undefined && entry.head !== row.hash)
        return at(row.seq, 'is not the event the ledger recorded (the chain was written again)');
      prevHash = row.hash;
      expectedSeq += 1;
    }
    if (page.length < pageSize) break;
    after = (page[page.length - 1] as (typeof page)[number]).seq;
  }
  if (expectedSeq - 1 !== head.seq)
    return at(expectedSeq, `the chain ends at ${expectedSeq - 1} but the case records ${head.seq} events`);
  if (head.seq > 0 && prevHash !== head.head)
    return at(head.seq, 'the last event does not match the head kept on the case');
  const newest = ledger[ledger.length - 1];
  if (head.seq > 0 && newest === undefined)
    return at(undefined, 'its chain is not in the ledger (written around Tongban, or before a restore)');
  if (newest !== undefined && (newest.seq !== head.seq || newest.head !== head.head))
    return at(
      undefined,
      `the ledger recorded its chain up to event ${newest.seq}, but the case's chain ends at ${head.seq} (events were removed or written again)`,
    );
  return { events };
}

/** Cases the ledger or the audit events name whose row is gone. */
async function missingCases(db: Executor, caseId: string | undefined): Promise<AuditBreak[]> {
  const only = (column: SQL) => (caseId === undefined ? sql`` : sql`and ${column} = ${caseId}`);
  const deleted = rowsOf<{ case_id: string; seq: number }>(
    await db.execute(sql`
      select l.case_id, max(l.seq) as seq
      from (select case_id, seq from audit_ledger union all select case_id, seq from audit_ledger_pending) l
      where not exists (select 1 from cases c where c.id = l.case_id) ${only(sql`l.case_id`)}
      group by l.case_id order by l.case_id`),
  );
  const orphaned = rowsOf<{ case_id: string; events: number | string }>(
    await db.execute(sql`
      select e.case_id, count(*) as events from audit_events e
      where not exists (select 1 from cases c where c.id = e.case_id) ${only(sql`e.case_id`)}
      group by e.case_id order by e.case_id`),
  );
  return [
    ...deleted.map((row) => ({
      caseId: row.case_id,
      reason: `the case was deleted: the ledger recorded its chain up to event ${row.seq}`,
    })),
    ...orphaned.map((row) => ({
      caseId: row.case_id,
      reason: `${Number(row.events)} audit events remain, but the case they belong to was deleted`,
    })),
  ];
}

/** Walks the sealed ledger chain from position 1; adds its first break to `breaks`. */
async function verifySealedChain(
  db: Executor,
  key: AuditKey,
  breaks: AuditBreak[],
  knownHead: { position: number; link: string } | undefined,
): Promise<AuditReport['ledger']> {
  let expected = 1;
  let previous = GENESIS;
  let keyedSeen = false;
  let broken = false;
  const fail = (position: number, reason: string) => {
    broken = true;
    breaks.push({ position, reason });
  };
  for (let after = 0; !broken;) {
    const page: LedgerRow[] = await db
      .select()
      .from(auditLedger)
      .where(gt(auditLedger.position, after))
      .orderBy(asc(auditLedger.position))
      .limit(pageSize);
    for (const entry of page) {
      const position = entry.position;
      if (position !== expected) {
        fail(expected, `is missing (the next sealed entry is at ${position}): ledger entries were deleted`);
        break;
      }
      if (entry.link !== sealLink(key, position, previous, entry)) {
        fail(
          position,
          position === 1
            ? 'does not verify with this key (is TONGBAN_AUDIT_KEY the key the installation writes with?)'
            : `(case ${entry.caseId}, event ${entry.seq}) was altered after it was sealed`,
        );
        break;
      }
      if (entry.mac === LEGACY && keyedSeen) {
        fail(position, `(case ${entry.caseId}) is marked legacy after keyed entries: it was added later`);
        break;
      }
      if (knownHead?.position === position && knownHead.link !== entry.link) {
        fail(position, 'is not the head noted earlier: the ledger was sealed again from below it');
        break;
      }
      keyedSeen ||= entry.mac !== LEGACY;
      previous = entry.link;
      expected += 1;
    }
    if (page.length < pageSize) break;
    after = (page[page.length - 1] as LedgerRow).position;
  }
  if (!broken && knownHead !== undefined && expected - 1 < knownHead.position)
    fail(
      expected,
      `the ledger ends at ${expected - 1}, but its head was noted at ${knownHead.position}: it was cut short`,
    );
  const [counts] = rowsOf<{ unsealed: number | string }>(
    await db.execute(sql`select count(*) as unsealed from ${auditLedgerPending}`),
  );
  return {
    sealed: expected - 1,
    unsealed: Number(counts?.unsealed ?? 0),
    head: expected > 1 ? { position: expected - 1, link: previous } : null,
  };
}
