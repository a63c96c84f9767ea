import { eq } from 'drizzle-orm';
import type { Database } from '../db/database.js';
import { memberships, users, type Role } from '../db/schema.js';
import { hashPassword, passwordProblem } from '../auth/passwords.js';
import type { DepartmentDirectory } from '../departments/directory.js';
import { ApiError } from '../errors/api-error.js';

export interface NewUser {
  username: string;
  displayName: string;
  password: string;
  memberships: Array<{ department?: string; role: Role }>;
}

export class UserService {
  constructor(
    private readonly db: Database,
    private readonly directory: DepartmentDirectory,
    private readonly ids: () => string,
  ) {}

  async create(input: NewUser) {
    input.memberships.forEach((membership, index) => {
      const needsDepartment = membership.role !== 'resident' && membership.role !== 'admin';
      if (
        needsDepartment &&
        (membership.department === undefined || !this.directory.has(membership.department))
      ) {
        throw new ApiError('TB_REQUEST_INVALID', {}, [
          {
            path: `/memberships/${index}/department`,
            message: {
              'zh-CN': `部门“${membership.department ?? ''}”不存在`,
              en: `no department "${membership.department ?? ''}"`,
            },
          },
        ]);
      }
    });
    const weak = await passwordProblem(input.password, input.username);
    if (weak) throw new ApiError('TB_PASSWORD_WEAK', {}, [{ path: '/password', message: weak }]);
    const [existing] = await this.db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.username, input.username));
    if (existing) {
      throw new ApiError('TB_REQUEST_INVALID', {}, [
        { path: '/username', message: { 'zh-CN': '用户名已被使用', en: 'this user name is taken' } },
      ]);
    }
    const id = this.ids();
    const passwordHash = await hashPassword(input.password);
    await this.db.transaction(async (tx) => {
      await tx
        .insert(users)
        .values({ id, username: input.username, displayName: input.displayName, passwordHash });
      await tx.insert(memberships).values(
        input.memberships.map((membership) => ({
          userId: id,
          department: membership.department ?? '',
          role: membership.role,
        })),
      );
    });
    return { id, username: input.username, displayName: input.displayName, memberships: input.memberships };
  }

  async list() {
    const rows = await this.db
      .select({
        id: users.id,
        username: users.username,
        displayName: users.displayName,
        disabled: users.disabled,
      })
      .from(users)
      .orderBy(users.username);
    const all = await this.db.select().from(memberships);
    return rows.map((user) => ({
      ...user,
      memberships: all
        .filter((membership) => membership.userId === user.id)
        .map(({ department, role }) => ({ department, role })),
    }));
  }
}
