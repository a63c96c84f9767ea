import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, lt } from 'drizzle-orm';
import type { Database } from '../db/database.js';
import { memberships, sessions, users } from '../db/schema.js';
import type { DepartmentDirectory } from '../departments/directory.js';
import { ApiError } from '../errors/api-error.js';
import { Actor } from './actor.js';
import { decoyHash, verifyPassword } from './passwords.js';

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * How long a node trusts a session it has looked up: saves a query per request. Logging out takes
 * effect at once on this node and within this time on the others, as do membership changes.
 */
const ACTOR_CACHE_MS = 10_000;

/** A session just opened: its token goes in the cookie, only its hash is stored. */
export interface OpenedSession {
  token: string;
  actor: Actor;
  expiresAt: Date;
}

/** Local accounts and sessions. The session token lives only in an HTTP-only cookie; we store its hash. */
export class AuthService {
  private readonly recent = new Map<string, { actor: Actor; until: number }>();

  constructor(
    private readonly db: Database,
    private readonly directory: DepartmentDirectory,
    private readonly clock: () => Date,
    private readonly sessionTtlMs: number,
  ) {}

  async login(username: string, password: string): Promise<OpenedSession> {
    const [user] = await this.db.select().from(users).where(eq(users.username, username));
    const valid = await verifyPassword(password, user?.passwordHash ?? decoyHash);
    if (!user || !valid || user.disabled) throw new ApiError('TB_LOGIN_FAILED');
    return this.openSession(user.id);
  }

  /** A new session for an account whose holder has proved who they are (a password, a phone code). */
  async openSession(userId: string): Promise<OpenedSession> {
    const token = randomBytes(32).toString('base64url');
    const now = this.clock();
    const expiresAt = new Date(now.getTime() + this.sessionTtlMs);
    await this.db.insert(sessions).values({ tokenHash: hashToken(token), userId, createdAt: now, expiresAt });
    // old sessions of this user are swept at each login
    await this.db.delete(sessions).where(and(eq(sessions.userId, userId), lt(sessions.expiresAt, now)));
    return { token, actor: await this.actorOf(userId), expiresAt };
  }

  async logout(token: string): Promise<void> {
    this.recent.delete(hashToken(token));
    await this.db.delete(sessions).where(eq(sessions.tokenHash, hashToken(token)));
  }

  /** The actor behind a session token, or null when the token is unknown or expired. */
  async actorForToken(token: string): Promise<Actor | null> {
    const key = hashToken(token);
    const cached = this.recent.get(key);
    const now = this.clock().getTime();
    if (cached && cached.until > now) return cached.actor;
    const actor = await this.loadActor(key);
    if (this.recent.size >= 10_000) this.recent.clear();
    if (actor) this.recent.set(key, { actor, until: now + ACTOR_CACHE_MS });
    else this.recent.delete(key);
    return actor;
  }

  private async loadActor(tokenHash: string): Promise<Actor | null> {
    // one query: the session, its user and every membership
    const rows = await this.db
      .select({
        userId: users.id,
        username: users.username,
        displayName: users.displayName,
        department: memberships.department,
        role: memberships.role,
      })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .leftJoin(memberships, eq(memberships.userId, users.id))
      .where(
        and(
          eq(sessions.tokenHash, tokenHash),
          gt(sessions.expiresAt, this.clock()),
          eq(users.disabled, false),
        ),
      );
    const [first] = rows;
    if (!first) return null;
    const list = rows.flatMap((row) =>
      row.role === null ? [] : [{ department: row.department ?? '', role: row.role }],
    );
    return new Actor(first.userId, first.username, first.displayName, list, this.directory);
  }

  async actorOf(userId: string): Promise<Actor> {
    const [user] = await this.db.select().from(users).where(eq(users.id, userId));
    if (!user) throw new ApiError('TB_UNAUTHENTICATED');
    const rows = await this.db
      .select({ department: memberships.department, role: memberships.role })
      .from(memberships)
      .where(eq(memberships.userId, userId));
    return new Actor(user.id, user.username, user.displayName, rows, this.directory);
  }
}
