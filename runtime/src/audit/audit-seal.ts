import { sql } from 'drizzle-orm';
import { rowsOf, type Database } from '../db/database.js';
import { GENESIS, LEGACY, sealLink } from './audit-chain.js';
import type { AuditKey } from './audit-key.js';

interface Pending {
  case_id: string;
  seq: number;
  head: string;
  mac: string;
}

/**
 * The sealer: takes the ledger entries commits left in `audit_ledger_pending` and appends them to the
 * sealed chain in `audit_ledger`, each linked to the one before by a keyed link, in one transaction.
 * One sealer at a time across every process (a transaction advisory lock; whoever does not get it
 * leaves the work to the one who did), so the chain has one order and no gaps. Of a case's pending
 * entries the newest is sealed (a commit on a case waits for the one before it, so sealed heads of a
 * case follow its chain); heads of chains written before keys (legacy) go ahead of the rest. Workers
 * run it every second or so; `tongban audit verify` runs it before checking. Returns how many pending
 * entries it took.
 */
export async function sealLedger(db: Database, key: AuditKey, limit = 5000): Promise<number> {
  return db.transaction(async (tx) => {
    const [lock] = rowsOf<{ locked: boolean }>(
      await tx.execute(sql`select pg_try_advisory_xact_lock(hashtext('tongban.audit.seal')) as locked`),
    );
    if (!lock?.locked) return 0;
    const pending = rowsOf<Pending>(
      await tx.execute(sql`
        delete from audit_ledger_pending
        where ctid = any (array(select ctid from audit_ledger_pending limit ${limit}))
        returning case_id, seq, head, mac`),
    );
    if (pending.length === 0) return 0;
    // of a case's commits since the last pass only its newest head is sealed: the chain up to it is
    // keyed, so the heads before it add nothing (a case set back to one of them shows all the same);
    // a legacy head is kept, since it says how far the chain is unkeyed
    const newest = new Map<string, Pending>();
    for (const entry of pending) {
      const seen = newest.get(entry.case_id);
      if (entry.mac !== LEGACY && (seen === undefined || seen.seq < entry.seq))
        newest.set(entry.case_id, entry);
    }
    const kept = [...pending.filter((entry) => entry.mac === LEGACY), ...newest.values()];
    kept.sort(
      (a, b) =>
        Number(b.mac === LEGACY) - Number(a.mac === LEGACY) ||
        a.case_id.localeCompare(b.case_id) ||
        a.seq - b.seq,
    );
    const [last] = rowsOf<{ position: number | string; link: string }>(
      await tx.execute(sql`select position, link from audit_ledger order by position desc limit 1`),
    );
    let position = last ? Number(last.position) : 0;
    let previous = last ? last.link : GENESIS;
    const sealed = kept.map((entry) => {
      position += 1;
      previous = sealLink(key, position, previous, {
        caseId: entry.case_id,
        seq: entry.seq,
        head: entry.head,
        mac: entry.mac,
      });
      return { ...entry, position, link: previous };
    });
    await tx.execute(sql`
      insert into audit_ledger (position, case_id, seq, head, mac, link)
      select s.position, s.case_id, s.seq, s.head, s.mac, s.link
      from jsonb_to_recordset(${JSON.stringify(sealed)}::jsonb)
        as s(position bigint, case_id uuid, seq int, head text, mac text, link text)`);
    return pending.length;
  });
}
