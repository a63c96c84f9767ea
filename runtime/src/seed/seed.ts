import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import type { Runtime } from '../runtime.js';
import { libraryImports, users, type Role } from '../db/schema.js';
import { hashDefinitionFolder, readDefinitionFolder } from '../definitions/load-directory.js';

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

export interface SeedResult {
  /** The library folder imported. */
  dir: string;
  published: string[];
  unchanged: string[];
  /** Set when the library was not imported: it has not changed since this import. */
  importedBefore?: Date;
  accounts: string[];
}

/**
 * Imports the definitions library (`runtime.config.definitionsDir` unless given) as written, and creates
 * the demo accounts that do not exist yet. Idempotent: running it twice changes nothing. With `ifChanged`
 * (`tongban start`), a library whose files hash as they did at its last import is not read again.
 */
export async function seedDemo(
  runtime: Runtime,
  dir = runtime.config.definitionsDir,
  options: { ifChanged?: boolean } = {},
): Promise<SeedResult> {
  const hash = await hashDefinitionFolder(dir);
  const [last] = await runtime.db.select().from(libraryImports).where(eq(libraryImports.name, 'definitions'));
  const imported =
    options.ifChanged && last?.hash === hash
      ? { published: [], unchanged: [], importedBefore: last.importedAt }
      : await importLibrary(runtime, dir, hash);
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
  return { dir, ...imported, accounts };
}

/** Imports every definition of the library folder, and notes its hash; throws naming every problem. */
async function importLibrary(
  runtime: Runtime,
  dir: string,
  hash: string,
): Promise<{ published: string[]; unchanged: string[] }> {
  const { sources, unreadable } = await readDefinitionFolder(dir);
  const result = await runtime.definitions.importSources(sources, null);
  const problems = [
    ...unreadable.map((entry) => `${entry.file}: ${entry.message}`),
    ...result.problems.flatMap((entry) =>
      entry.problems.map(
        (problem) => `${entry.file ?? ''}: ${entry.key} ${problem.path || '/'} ${problem.message.en}`,
      ),
    ),
    ...result.conflicts.map(
      (conflict) =>
        `${conflict.file ?? ''}: ${conflict.key} ${conflict.error.text.en}: ${conflict.reason.en}`,
    ),
  ];
  if (problems.length > 0)
    throw new Error(`the definitions library ${dir} has problems, nothing imported:\n${problems.join('\n')}`);
  const at = runtime.clock();
  await runtime.db
    .insert(libraryImports)
    .values({ name: 'definitions', hash, importedAt: at })
    .onConflictDoUpdate({ target: libraryImports.name, set: { hash, importedAt: at } });
  return { published: result.published, unchanged: result.unchanged };
}
