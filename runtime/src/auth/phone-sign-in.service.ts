import { randomInt, timingSafeEqual } from 'node:crypto';
import { and, desc, eq, gt, lt, sql } from 'drizzle-orm';
import type { Locale } from '@tongban/engine';
import type { AuditKey } from '../audit/audit-key.js';
import type { PhoneCodeConfig } from '../config/config.js';
import type { Database } from '../db/database.js';
import { memberships, outbox, phoneCodes, users } from '../db/schema.js';
import { ApiError } from '../errors/api-error.js';
import { messageOutboxRow } from '../messages/message-channels.js';
import { maskPhone, phoneKeyOf } from '../messages/phone-number.js';
import type { AuthService, OpenedSession } from './auth.service.js';

/** Separates the codes' hashes from every other use of the installation's key. */
const codePurpose = 'tongban.phone-code.v1';

/** What every well-formed request for a code is told, whether or not the number has an account. */
export interface CodeIssued {
  /** How long the code works. */
  expiresInSeconds: number;
  /** When another code may be asked for. */
  resendInSeconds: number;
}

export interface PhoneSignedIn extends OpenedSession {
  /** This sign-in made the account (the number's first). */
  created: boolean;
}

export interface PhoneSignInDeps {
  db: Database;
  key: AuditKey;
  clock: () => Date;
  ids: () => string;
  config: PhoneCodeConfig;
  auth: AuthService;
  /** Wakes the outbox relay once the code's message is committed. */
  afterCommit: () => void;
}

const day = 86_400_000;

/** Why a code was not accepted; decided in the transaction, thrown after it commits (a wrong try counts). */
type Verdict =
  { ok: true; userId: string; created: boolean; disabled: boolean } | { ok: false; error: ApiError };

/**
 * Sign-in by mobile number and a one-time code (decision 0023). A code is six random digits, kept only as
 * a keyed hash beside the keyed hash of the number; it works for a few minutes, once, and for a few wrong
 * tries; only the newest code of a number counts. The message with the code is written to the outbox in
 * the transaction that makes the code, and a worker delivers it by the configured channel. The first
 * sign-in of a number makes a resident account for it.
 */
export class PhoneSignIn {
  constructor(private readonly deps: PhoneSignInDeps) {}

  /** Makes a code for `phone` and sends it; refused when one was sent moments ago or too many today. */
  async issue(phone: string, locale: Locale): Promise<CodeIssued> {
    const { db, key, clock, ids, config } = this.deps;
    const phoneKey = phoneKeyOf(key, phone);
    const now = clock();
    await db.transaction(async (tx) => {
      // one request per number at a time: two at once cannot both pass the interval
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`phone-code:${phoneKey}`}))`);
      const today = await tx
        .select({ createdAt: phoneCodes.createdAt })
        .from(phoneCodes)
        .where(
          and(eq(phoneCodes.phoneKey, phoneKey), gt(phoneCodes.createdAt, new Date(now.getTime() - day))),
        )
        .orderBy(desc(phoneCodes.createdAt));
      const last = today[0];
      const wait = last ? last.createdAt.getTime() + config.intervalMs - now.getTime() : 0;
      if (wait > 0) throw tooSoon(Math.ceil(wait / 1000));
      if (today.length >= config.perPhonePerDay) throw new ApiError('TB_PHONE_CODES_TOO_MANY');
      // yesterday's codes of this number are of no use to anyone
      await tx
        .delete(phoneCodes)
        .where(
          and(eq(phoneCodes.phoneKey, phoneKey), lt(phoneCodes.createdAt, new Date(now.getTime() - day))),
        );
      const id = ids();
      const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
      await tx.insert(phoneCodes).values({
        id,
        phoneKey,
        codeHash: this.codeHash(id, code),
        createdAt: now,
        expiresAt: new Date(now.getTime() + config.ttlMs),
      });
      const minutes = Math.max(1, Math.round(config.ttlMs / 60_000));
      await tx.insert(outbox).values(
        messageOutboxRow(key, {
          id,
          to: phone,
          text: codeText(code, minutes, locale),
          template: 'sign-in-code',
          params: { code, minutes: String(minutes) },
          createdAt: now.toISOString(),
        }),
      );
    });
    this.deps.afterCommit();
    return {
      expiresInSeconds: Math.round(config.ttlMs / 1000),
      resendInSeconds: Math.round(config.intervalMs / 1000),
    };
  }

  /**
   * Checks `code` against the number's newest code and uses it up; makes the resident account on the
   * number's first sign-in; opens a session. A wrong code counts a try (kept though the answer is an error).
   */
  async signIn(phone: string, code: string): Promise<PhoneSignedIn> {
    const { db, key, clock, ids, config } = this.deps;
    const phoneKey = phoneKeyOf(key, phone);
    const now = clock();
    const verdict = await db.transaction(async (tx): Promise<Verdict> => {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`phone-code:${phoneKey}`}))`);
      const [latest] = await tx
        .select()
        .from(phoneCodes)
        .where(eq(phoneCodes.phoneKey, phoneKey))
        .orderBy(desc(phoneCodes.createdAt))
        .limit(1);
      // no code, or it was used: the same answer as a wrong one (nothing is said about the number)
      if (!latest || latest.consumedAt !== null) return { ok: false, error: wrongCode(undefined) };
      if (latest.attempts >= config.maxTries) return { ok: false, error: tooManyTries() };
      if (latest.expiresAt.getTime() <= now.getTime()) return { ok: false, error: expired() };
      if (!sameHash(this.codeHash(latest.id, code), latest.codeHash)) {
        const tries = latest.attempts + 1;
        await tx.update(phoneCodes).set({ attempts: tries }).where(eq(phoneCodes.id, latest.id));
        const left = config.maxTries - tries;
        return { ok: false, error: left <= 0 ? tooManyTries() : wrongCode(left) };
      }
      await tx.update(phoneCodes).set({ consumedAt: now }).where(eq(phoneCodes.id, latest.id));
      const [existing] = await tx
        .select({ id: users.id, disabled: users.disabled })
        .from(users)
        .where(eq(users.phoneKey, phoneKey));
      if (existing) return { ok: true, userId: existing.id, created: false, disabled: existing.disabled };
      const userId = ids();
      await tx.insert(users).values({
        id: userId,
        // unique and stable, derived from the number's keyed hash: the number itself is never a name
        username: `phone-${phoneKey.slice(0, 16)}`,
        displayName: maskPhone(phone),
        // no password works: this account signs in by phone (`verifyPassword` refuses anything not scrypt)
        passwordHash: '!phone',
        phoneKey,
      });
      await tx.insert(memberships).values({ userId, department: '', role: 'resident' });
      return { ok: true, userId, created: true, disabled: false };
    });
    if (!verdict.ok) throw verdict.error;
    if (verdict.disabled) throw new ApiError('TB_LOGIN_FAILED');
    const session = await this.deps.auth.openSession(verdict.userId);
    return { ...session, created: verdict.created };
  }

  private codeHash(id: string, code: string): string {
    return codeHashOf(this.deps.key, id, code);
  }
}

/** The keyed hash a code is kept as: of the code with its row's id, so two equal codes hash apart. */
export const codeHashOf = (key: AuditKey, id: string, code: string): string =>
  key.mac([codePurpose, id, code]);

/** A refusal that says when to come back (the route sends it as `Retry-After` too). */
export class RetryLater extends ApiError {
  constructor(
    code: 'TB_PHONE_CODE_TOO_SOON',
    readonly retryAfterSeconds: number,
  ) {
    super(code, { seconds: String(retryAfterSeconds) });
  }
}

const tooSoon = (seconds: number) => new RetryLater('TB_PHONE_CODE_TOO_SOON', seconds);

/** Compares two hex hashes in constant time. */
function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && timingSafeEqual(left, right);
}

/** The wrong code's answer, at the code field, with the tries left when there is a code to try. */
function wrongCode(left: number | undefined): ApiError {
  return new ApiError('TB_PHONE_CODE_WRONG', {}, [
    {
      path: '/body/code',
      message:
        left === undefined
          ? {
              'zh-CN': '验证码不正确，请核对短信中的 6 位数字',
              en: 'This code is not right: check the 6 digits in the text message',
            }
          : {
              'zh-CN': `验证码不正确，还可以再试 ${left} 次`,
              en: `This code is not right; you can try ${left} more ${left === 1 ? 'time' : 'times'}`,
            },
    },
  ]);
}

const expired = () =>
  new ApiError('TB_PHONE_CODE_EXPIRED', {}, [
    {
      path: '/body/code',
      message: { 'zh-CN': '验证码已过期，请重新获取', en: 'The code has expired; ask for a new one' },
    },
  ]);

const tooManyTries = () =>
  new ApiError('TB_PHONE_CODE_TRIES', {}, [
    {
      path: '/body/code',
      message: {
        'zh-CN': '输错次数太多，这个验证码已不能再用，请重新获取',
        en: 'Too many wrong tries: this code no longer works; ask for a new one',
      },
    },
  ]);

/** The text message, in the language the code was asked for in. */
function codeText(code: string, minutes: number, locale: Locale): string {
  return locale === 'en'
    ? `[Tongban] Your sign-in code is ${code}. It works for ${minutes} minutes. Do not tell anyone: staff never ask for it.`
    : `【通办】您的登录验证码是 ${code}，${minutes} 分钟内有效。请勿告诉他人，工作人员不会向您索要验证码。`;
}
