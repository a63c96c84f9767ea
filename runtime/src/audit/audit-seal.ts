import { sql } from 'drizzle-orm';
import { rowsOf, type Database } from '../db/database.js';
import { GENESIS, sealLink } from './audit-chain.js';
import type { AuditKey } from './audit-key.js';

interface Unsealed {
  id: number | string;
  case_id: string;
  seq: number;
  head: string;
  mac: string;
}

/**
 * The sealer: links ledger entries that are not in the global chain yet, in the order of their ids,
 * each to the one before by a keyed link. One sealer at a time across every process (a transaction
 * advisory lock; whoever does not get it leaves the work to the one who did), so the chain has one
 * order and no gaps. Workers run it every few seconds; `tongban audit verify` runs it before checking.
 * Returns how many entries it sealed.
 */
export async function sealLedger(db: Database, key: AuditKey, limit = 2000): Promise<number> {
  return db.transaction(async (tx) => {
    const [lock] = rowsOf<{ locked: boolean }>(
      await tx.execute(sql`select pg_try_advisory_xact_lock(hashtext('tongban.audit.seal')) as locked`),
    );
    if (!lock?.locked) return 0;
    const pending = rowsOf<Unsealed>(
      await tx.execute(sql`
        select id, case_id, seq, head, mac from audit_ledger where position is null order by id limit ${limit}`),
    );
    if (pending.length === 0) return 0;
    const [last] = rowsOf<{ position: number | string; link: string }>(
      await tx.execute(sql`
        select position, link from audit_ledger where position is not null order by position desc limit 1`),
    );
    let position = last ? Number(last.position) : 0;
    let previous = last ? last.link : GENESIS;
    const seals = pending.map((entry) => {
      position += 1;
      previous = sealLink(key, position, previous, {
        caseId: entry.case_id,
        seq: entry.seq,
        head: entry.head,
        mac: entry.mac,
      });
      return { id: Number(entry.id), position, link: previous };
    });
    await tx.execute(sql`
      update audit_ledger set position = s.position, link = s.link
      from jsonb_to_recordset(${JSON.stringify(seals)}::jsonb) as s(id bigint, position bigint, link text)
      where audit_ledger.id = s.id`);
    return seals.length;
  });
}
