import { and, asc, eq, gt, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { chainRows, LEGACY, ledgerMac, legacyEventHash } from '../../src/audit/audit-chain.js';
import { AuditKey } from '../../src/audit/audit-key.js';
import { auditEvents, auditLedger, auditLedgerPending, cases } from '../../src/db/schema.js';
import { applicantData, createHarness, type Harness } from '../support/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h?.close();
});

/** A case with a little history: started, accepted, commented on (three commits). */
async function caseWithHistory(): Promise<string> {
  const kase = await h.json<{ id: string; tasks: Array<{ id: string }> }>(
    'resident',
    'POST',
    '/api/cases',
    { matter: 'd1.subsistence-allowance', data: applicantData },
    201,
  );
  await h.json('minzheng', 'POST', `/api/tasks/${kase.tasks[0]!.id}/complete`, { outcome: 'accept' });
  await h.json('resident', 'POST', `/api/cases/${kase.id}/comments`, { body: '材料已补齐' }, 201);
  return kase.id;
}

const eventsOf = (caseId: string) =>
  h.runtime.db.select().from(auditEvents).where(eq(auditEvents.caseId, caseId)).orderBy(asc(auditEvents.seq));
/** A case's ledger entries, sealed or not yet, by seq. */
const ledgerOf = async (caseId: string) =>
  [
    ...(await h.runtime.db.select().from(auditLedger).where(eq(auditLedger.caseId, caseId))),
    ...(await h.runtime.db.select().from(auditLedgerPending).where(eq(auditLedgerPending.caseId, caseId))),
  ].sort((a, b) => a.seq - b.seq);

describe('audit ledger: every commit on a case leaves its head in one keyed chain', () => {
  it('should record each commit of a case in the ledger and seal them into one gapless chain, one sealer at a time', async () => {
    // given cases with commits of every kind: a start, a command, a side write
    const ids = [await caseWithHistory(), await caseWithHistory()];
    for (const id of ids) {
      const [row] = await h.runtime.db.select().from(cases).where(eq(cases.id, id));
      const ledger = await ledgerOf(id);
      expect(ledger).toHaveLength(3);
      expect(ledger.at(-1)).toMatchObject({ seq: row?.auditSeq, head: row?.auditHead });
    }

    // when two sealers run at once (two worker processes)
    const [a, b] = await Promise.all([h.runtime.audit.seal(), h.runtime.audit.seal()]);
    await h.runtime.audit.seal();

    // then every entry has one place in the chain, from 1 without a gap, and everything verifies
    const sealed = await h.runtime.db
      .select({ position: auditLedger.position })
      .from(auditLedger)
      .orderBy(asc(auditLedger.position));
    expect(sealed.map((entry) => entry.position)).toEqual(sealed.map((_, index) => index + 1));
    expect(a + b).toBeGreaterThanOrEqual(6);
    const report = await h.runtime.audit.verify();
    expect(report.breaks).toEqual([]);
    expect(report.ledger).toMatchObject({ sealed: sealed.length, unsealed: 0 });
    expect(report.ledger.head?.position).toBe(sealed.length);
  });

  it('should find a case set back to an earlier head, its newer events cut off', async () => {
    // given a case whose first commit's head is a genuine, keyed head
    const id = await caseWithHistory();
    const [first] = await ledgerOf(id);
    // when someone with the database cuts the events after it and sets the case's head back to it
    await h.runtime.db
      .delete(auditEvents)
      .where(and(eq(auditEvents.caseId, id), gt(auditEvents.seq, first!.seq)));
    await h.runtime.db
      .update(cases)
      .set({ auditSeq: first!.seq, auditHead: first!.head })
      .where(eq(cases.id, id));
    // then the chain alone looks whole, but the ledger knows it went further
    const report = await h.runtime.audit.verify(id);
    expect(report.breaks).toEqual([
      expect.objectContaining({
        caseId: id,
        reason: expect.stringContaining('the ledger recorded its chain up to event'),
      }),
    ]);
  });

  it('should find a chain and its ledger entries written again with a key of their own, naming the case', async () => {
    // given a case, and someone with the database and this code, but not the installation's key
    const id = await caseWithHistory();
    const theirs = AuditKey.generate();
    const events = (await eventsOf(id)).filter((event) => event.action !== 'comment.added');
    // when they chain its events again without the comment, and write the ledger to match
    const forged = chainRows(theirs, id, { seq: 0, hash: '' }, events);
    await h.runtime.db.delete(auditEvents).where(eq(auditEvents.caseId, id));
    await h.runtime.db.insert(auditEvents).values(forged.rows);
    await h.runtime.db.delete(auditLedgerPending).where(eq(auditLedgerPending.caseId, id));
    await h.runtime.db.insert(auditLedgerPending).values({
      caseId: id,
      seq: forged.seq,
      head: forged.hash,
      mac: ledgerMac(theirs, id, forged.seq, forged.hash),
    });
    await h.runtime.db
      .update(cases)
      .set({ auditSeq: forged.seq, auditHead: forged.hash })
      .where(eq(cases.id, id));
    // then neither the ledger entry nor the events verify with the real key
    const report = await h.runtime.audit.verify(id);
    expect(report.breaks).toHaveLength(1);
    expect(report.breaks[0]?.caseId).toBe(id);
  });
});

describe('audit ledger: the sealed chain itself', () => {
  // each test tampers with the one chain of its database: a database each
  let g: Harness;
  beforeEach(async () => {
    g = await createHarness();
  });
  afterEach(async () => {
    await g?.close();
  });

  const start = async () =>
    (
      await g.json<{ id: string }>(
        'resident',
        'POST',
        '/api/cases',
        { matter: 'd1.subsistence-allowance', data: applicantData },
        201,
      )
    ).id;

  it('should verify a chain written before keys (legacy) up to the head the upgrade pinned, and keyed after it', async () => {
    // given a case whose events were hashed without a key, as before the ledger, and the entry the
    // migration writes for it, sealed ahead of everything else
    const id = await start();
    const rows = await g.runtime.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.caseId, id))
      .orderBy(asc(auditEvents.seq));
    let prevHash = 'genesis';
    const legacy = rows.map(({ id: _id, ...row }) => {
      const hash = legacyEventHash({ ...row, prevHash });
      const rewritten = { ...row, prevHash, hash };
      prevHash = hash;
      return rewritten;
    });
    await g.runtime.db.delete(auditEvents).where(eq(auditEvents.caseId, id));
    await g.runtime.db.insert(auditEvents).values(legacy);
    await g.runtime.db.delete(auditLedgerPending);
    await g.runtime.db.update(cases).set({ auditHead: prevHash }).where(eq(cases.id, id));
    await g.runtime.db
      .insert(auditLedgerPending)
      .values({ caseId: id, seq: legacy.length, head: prevHash, mac: LEGACY });
    // when the case goes on, keyed from there
    await g.json('resident', 'POST', `/api/cases/${id}/comments`, { body: '补充说明' }, 201);
    await g.runtime.audit.seal();
    // then it verifies
    expect((await g.runtime.audit.verify()).breaks).toEqual([]);

    // and a legacy event changed, the legacy part hashed again (no key needed for that), does not
    let prev = 'genesis';
    for (const row of legacy) {
      const data = row.seq === 1 ? { forged: true } : row.data;
      const hash = legacyEventHash({ ...row, data, prevHash: prev });
      await g.runtime.db
        .update(auditEvents)
        .set({ data, prevHash: prev, hash })
        .where(and(eq(auditEvents.caseId, id), eq(auditEvents.seq, row.seq)));
      prev = hash;
    }
    const report = await g.runtime.audit.verify(id);
    expect(report.breaks).toEqual([expect.objectContaining({ caseId: id })]);
  });

  it('should find an entry slipped into the ledger as legacy after keyed ones', async () => {
    // given keyed entries already sealed
    await start();
    await g.runtime.audit.seal();
    // when a case's entry is written as if it came from before keys
    const id = await start();
    const [row] = await g.runtime.db.select().from(cases).where(eq(cases.id, id));
    await g.runtime.db.delete(auditLedgerPending).where(eq(auditLedgerPending.caseId, id));
    await g.runtime.db
      .insert(auditLedgerPending)
      .values({ caseId: id, seq: row!.auditSeq, head: row!.auditHead, mac: LEGACY });
    await g.runtime.audit.seal();
    const report = await g.runtime.audit.verify();
    expect(report.breaks).toContainEqual(
      expect.objectContaining({ reason: expect.stringContaining('marked legacy after keyed entries') }),
    );
  });

  it('should find entries deleted from the middle of the sealed chain', async () => {
    for (let i = 0; i < 3; i++) await start();
    await g.runtime.audit.seal();
    expect((await g.runtime.audit.verify()).breaks).toEqual([]);
    const [middle] = await g.runtime.db.select().from(auditLedger).where(eq(auditLedger.position, 2));
    await g.runtime.db.delete(auditLedger).where(eq(auditLedger.position, 2));
    const report = await g.runtime.audit.verify();
    expect(report.breaks).toContainEqual({
      position: 2,
      reason: expect.stringContaining('is missing') as string,
    });
    // and the case whose entry it was no longer has its chain in the ledger
    expect(report.breaks).toContainEqual(expect.objectContaining({ caseId: middle!.caseId }));
  });

  it('should find a ledger cut short below a head noted earlier', async () => {
    await start();
    await start();
    await g.runtime.audit.seal();
    const noted = (await g.runtime.audit.verify()).ledger.head;
    expect(noted?.position).toBe(2);
    await g.runtime.db.execute(sql`delete from audit_ledger where position = 2`);
    const report = await g.runtime.audit.verify(undefined, noted!);
    expect(report.breaks).toContainEqual(
      expect.objectContaining({ reason: expect.stringContaining('cut short') }),
    );
  });
});

describe('audit ledger: verified while the installation runs', () => {
  it('should find nothing broken while the sealer moves entries and cases commit during the check', async () => {
    const g = await createHarness();
    try {
      // given twenty cases whose ledger entries are all still waiting for the sealer
      const ids: string[] = [];
      for (let i = 0; i < 20; i += 1)
        ids.push(
          (
            await g.json<{ id: string }>(
              'resident',
              'POST',
              '/api/cases',
              { matter: 'd1.subsistence-allowance', data: applicantData },
              201,
            )
          ).id,
        );
      // when the check runs while a sealer takes entries one at a time and residents comment
      let checking = true;
      const sealing = (async () => {
        while (checking) await g.runtime.audit.seal(1);
      })();
      const commenting = (async () => {
        for (let i = 0; checking; i += 1)
          await g.json(
            'resident',
            'POST',
            `/api/cases/${ids[i % ids.length]}/comments`,
            { body: '补充说明' },
            201,
          );
      })();
      const reports = [];
      for (let round = 0; round < 2; round += 1) reports.push(await g.runtime.audit.verify());
      checking = false;
      await Promise.all([sealing, commenting]);
      // then each check saw one consistent moment: no chain reported broken or missing from the ledger
      for (const report of reports) {
        expect(report.breaks).toEqual([]);
        expect(report.cases).toBeGreaterThanOrEqual(20);
      }
      expect((await g.runtime.audit.verify()).breaks).toEqual([]);
    } finally {
      await g.close();
    }
  }, 180_000);
});

describe('audit ledger: the pending table stays small', () => {
  it('should vacuum the pending table once the sealer has taken many entries from it', async () => {
    const g = await createHarness();
    try {
      // given ten thousand entries committed and sealed (each leaves a dead row behind)
      await g.runtime.db.execute(sql`
        insert into audit_ledger_pending (case_id, seq, head, mac)
        select gen_random_uuid(), 1, md5(g::text), md5(g::text) from generate_series(1, 10000) g`);
      // when the sealer takes them
      await g.runtime.audit.seal(Number.MAX_SAFE_INTEGER);
      // then the table is vacuumed: nothing is left for the next pass to read
      const [size] = await g.runtime.database.run<{ bytes: number | string }>(
        `select pg_relation_size('audit_ledger_pending') as bytes`,
        [],
      );
      expect(Number(size?.bytes)).toBeLessThan(32_768);
    } finally {
      await g.close();
    }
  });
});
