import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, lt } from 'drizzle-orm';
import type { Database } from '../db/database.js';
import { memberships, sessions, users } from '../db/schema.js';
import type { DepartmentDirectory } from '../departments/directory.js';
import { ApiError } from '../errors/api-error.js';
import { Actor } from './actor.js';
import { decoyHash, verifyPassword } from './passwords.js';

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Local accounts and sessions. The session token lives only in an HTTP-only cookie; we store its hash. */
export class AuthService {
  constructor(
    private readonly db: Database,
    private readonly directory: DepartmentDirectory,
    private readonly clock: () => Date,
    private readonly sessionTtlMs: number,
  ) {}

  async login(username: string, password: string): Promise<{ token: string; actor: Actor; expiresAt: Date }> {
    const [user] = await this.db.select().from(users).where(eq(users.username, username));
    const valid = await verifyPassword(password, user?.passwordHash ?? decoyHash);
    if (!user || !valid || user.disabled) throw new ApiError('TB_LOGIN_FAILED');
    const token = randomBytes(32).toString('base64url');
    const now = this.clock();
    const expiresAt = new Date(now.getTime() + this.sessionTtlMs);
    await this.db
      .insert(sessions)
      .values({ tokenHash: hashToken(token), userId: user.id, createdAt: now, expiresAt });
    // old sessions of this user are swept at each login
    await this.db.delete(sessions).where(and(eq(sessions.userId, user.id), lt(sessions.expiresAt, now)));
    return { token, actor: await this.actorOf(user.id), expiresAt };
  }

  async logout(token: string): Promise<void> {
    await this.db.delete(sessions).where(eq(sessions.tokenHash, hashToken(token)));
  }

  /** The actor behind a session token, or null when the token is unknown or expired. */
  async actorForToken(token: string): Promise<Actor | null> {
    const [session] = await this.db
      .select({ userId: sessions.userId })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(
        and(
          eq(sessions.tokenHash, hashToken(token)),
          gt(sessions.expiresAt, this.clock()),
          eq(users.disabled, false),
        ),
      );
    return session ? this.actorOf(session.userId) : null;
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
