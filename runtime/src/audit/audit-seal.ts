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
 * leaves the work to the one who did), so the chain has one order and no gaps. A case's entries are
 * sealed in the order of its chain (a commit on a case waits for the one before it), heads of chains
 * written before keys (legacy) ahead of the rest. Workers run it every second or so; `tongban audit
 * verify` runs it before checking. Returns how many entries it sealed.
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
    pending.sort(
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
    const sealed = pending.map((entry) => {
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
    return sealed.length;
  });
}
