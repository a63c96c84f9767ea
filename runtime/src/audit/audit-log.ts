import { setTimeout as sleep } from 'node:timers/promises';
import { eq, sql } from 'drizzle-orm';
import { isContention } from '../db/contention.js';
import type { Database, Executor, Transaction } from '../db/database.js';
import { auditEvents, auditLedgerPending, cases } from '../db/schema.js';
import { ApiError, notFound } from '../errors/api-error.js';
import { chainRows, type AuditEntry, type ChainedRows } from './audit-chain.js';
import type { AuditKey } from './audit-key.js';
import { sealLedger } from './audit-seal.js';
import { verifyAudit, type AuditReport } from './audit-verify.js';

export type { AuditEntry, ChainedRow, ChainedRows, LedgerEntry } from './audit-chain.js';
export type { AuditBreak, AuditReport } from './audit-verify.js';

/** What a side write on a case did: its result, and the audit entries that record it (any number). */
export interface CaseSideWrite<T> {
  value: T;
  audit: Array<Omit<AuditEntry, 'caseId'>>;
}

/** How often a side write that lost a deadlock or serialization race is tried again before a 409. */
const attempts = 3;

/**
 * Sealed entries leave dead rows in the pending table, which the sealer reads whole each pass: it is
 * vacuumed after this many (PGlite runs no autovacuum, so the embedded mode would otherwise let it grow).
 */
const vacuumEvery = 10_000;

/**
 * The audit log of one installation: the keyed per-case chains, the global ledger of their heads, its
 * sealer and the verifier, all with the installation's key (decision 0009).
 */
export class AuditLog {
  private sealedSinceVacuum = 0;

  constructor(
    private readonly db: Database,
    readonly key: AuditKey,
  ) {}

  /** Links entries onto a case's chain from `head`, keyed: the rows and ledger entry a command writes. */
  rows(caseId: string, head: { seq: number; hash: string }, entries: AuditEntry[]): ChainedRows {
    return chainRows(this.key, caseId, head, entries);
  }

  /**
   * A write on one case beside the command statement (a comment, an attachment, a claim, a supervision
   * order, a dispatch): one transaction that locks the case row first, then runs `work`, then extends
   * the case's chain and the ledger with what `work` returns. Every case-scoped transaction takes the
   * case row before any other row of the case, as the command statement does (its case update comes
   * first): two writers on one case queue instead of deadlocking, and a command that loaded the case
   * before a side write finds the audit head moved and answers 409. A deadlock or serialization failure
   * all the same is tried again, then answered 409, never 500.
   */
  async write<T>(caseId: string, work: (tx: Transaction) => Promise<CaseSideWrite<T>>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.db.transaction(async (tx) => {
          const [head] = await tx
            .select({ seq: cases.auditSeq, hash: cases.auditHead })
            .from(cases)
            .where(eq(cases.id, caseId))
            .for('no key update');
          if (!head) throw notFound({ 'zh-CN': '案件', en: 'case' });
          const { value, audit } = await work(tx);
          await this.extend(
            tx,
            caseId,
            head,
            audit.map((entry) => ({ ...entry, caseId })),
          );
          return value;
        });
      } catch (error) {
        if (!isContention(error)) throw error;
        if (attempt >= attempts) throw new ApiError('TB_CASE_VERSION_CONFLICT');
        await sleep(5 + Math.random() * 20 * attempt);
      }
    }
  }

  /** Records entries on one case's chain, and nothing else (a read of sensitive data). */
  async append(caseId: string, entries: Array<Omit<AuditEntry, 'caseId'>>): Promise<void> {
    await this.write(caseId, async () => ({ value: undefined, audit: entries }));
  }

  /** Links ledger entries nobody sealed yet into the global chain (one sealer at a time); returns how many. */
  async seal(limit?: number): Promise<number> {
    const sealed = await sealLedger(this.db, this.key, limit);
    this.sealedSinceVacuum += sealed;
    if (this.sealedSinceVacuum >= vacuumEvery) {
      this.sealedSinceVacuum = 0;
      await this.db.execute(sql`vacuum audit_ledger_pending`);
    }
    return sealed;
  }

  /** Checks every case's chain (or one case's), the ledger and its sealed chain (still holding `knownHead`). */
  verify(caseId?: string, knownHead?: { position: number; link: string }): Promise<AuditReport> {
    return verifyAudit(this.db, this.key, caseId, knownHead);
  }

  /** The statements that extend a case's chain from the head locked in `tx`: events, ledger entry, case head. */
  private async extend(
    tx: Executor,
    caseId: string,
    head: { seq: number; hash: string },
    entries: AuditEntry[],
  ): Promise<void> {
    const chained = this.rows(caseId, head, entries);
    if (chained.ledger === null) return;
    await Promise.all([
      tx.insert(auditEvents).values(chained.rows),
      tx.insert(auditLedgerPending).values({ caseId, ...chained.ledger }),
      tx.update(cases).set({ auditSeq: chained.seq, auditHead: chained.hash }).where(eq(cases.id, caseId)),
    ]);
  }
}
