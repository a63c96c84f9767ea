import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import type { Runtime } from '../runtime.js';
import { users, type Role } from '../db/schema.js';
import { loadDefinitionFiles } from '../definitions/load-directory.js';

export const demoPassword = 'Tongban2026!';
export const definitionsDir = fileURLToPath(new URL('../../../definitions', import.meta.url));

export interface DemoAccount {
  username: string;
  displayName: string;
  memberships: Array<{ department?: string; role: Role }>;
}

/** One account per role, in the departments the sample workflows route to. */
export const demoAccounts: DemoAccount[] = [
  { username: 'admin', displayName: '系统管理员 Administrator', memberships: [{ role: 'admin' }] },
  {
    username: 'supervisor',
    displayName: '东城区督查 District supervisor',
    memberships: [{ department: 'd1', role: 'supervisor' }],
  },
  {
    username: 'supervisor2',
    displayName: '西城区督查 Xicheng supervisor',
    memberships: [{ department: 'd2', role: 'supervisor' }],
  },
  {
    username: 'minzheng',
    displayName: '民政局 王芳 Wang Fang',
    memberships: [{ department: 'd1.minzheng', role: 'staff' }],
  },
  {
    username: 'weijian',
    displayName: '卫健局 李强 Li Qiang',
    memberships: [{ department: 'd1.weijian', role: 'staff' }],
  },
  {
    username: 'renshe',
    displayName: '人社局 赵敏 Zhao Min',
    memberships: [{ department: 'd1.renshe', role: 'staff' }],
  },
  {
    username: 'chengguan',
    displayName: '城管局 陈刚 Chen Gang',
    memberships: [{ department: 'd1.chengguan', role: 'staff' }],
  },
  {
    username: 'xiaofang',
    displayName: '消防大队 刘洋 Liu Yang',
    memberships: [{ department: 'd1.xiaofang', role: 'staff' }],
  },
  {
    username: 'grid',
    displayName: '网格员 孙丽 Sun Li',
    memberships: [{ department: 'd1.s1.c1', role: 'grid' }],
  },
  { username: 'resident', displayName: '居民 张三 Zhang San', memberships: [{ role: 'resident' }] },
];

/**
 * Imports the definitions library and creates the demo accounts that do not exist yet. Idempotent:
 * running it twice changes nothing. Returns what was created.
 */
export async function seedDemo(
  runtime: Runtime,
  dir = definitionsDir,
): Promise<{ published: string[]; accounts: string[] }> {
  const files = await loadDefinitionFiles(dir);
  const result = await runtime.definitions.importAll(
    files.map((file) => file.body),
    null,
  );
  if (result.problems.length > 0) {
    const first = result.problems[0] as (typeof result.problems)[number];
    throw new Error(
      `the definitions library has problems: ${first.key} ${first.problems[0]?.path} ${first.problems[0]?.message.en}`,
    );
  }
  const accounts: string[] = [];
  for (const account of demoAccounts) {
    const [existing] = await runtime.db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.username, account.username));
    if (existing) continue;
    await runtime.users.create({ ...account, password: demoPassword });
    accounts.push(account.username);
  }
  return { published: result.published, accounts };
}
