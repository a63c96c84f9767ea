import type { LocalizedText } from '@tongban/engine';
import type { DispatchPolicy } from '../db/schema.js';
import type { Executor } from '../db/database.js';
import { departments } from '../db/schema.js';

export interface DepartmentNode {
  code: string;
  parent: string | null;
  level: string;
  title: LocalizedText;
  calendar: string | null;
  dispatch: DispatchPolicy | null;
}

/** The department tree in memory: parents, children and subtrees are asked on every scoped query. */
export class DepartmentDirectory {
  private byCode = new Map<string, DepartmentNode>();
  private children = new Map<string, string[]>();

  static async load(db: Executor): Promise<DepartmentDirectory> {
    const directory = new DepartmentDirectory();
    directory.replace(await db.select().from(departments));
    return directory;
  }

  replace(rows: DepartmentNode[]): void {
    this.byCode = new Map(rows.map((row) => [row.code, row]));
    this.children = new Map();
    for (const row of rows) {
      if (row.parent === null) continue;
      const list = this.children.get(row.parent) ?? [];
      list.push(row.code);
      this.children.set(row.parent, list);
    }
  }

  async reload(db: Executor): Promise<void> {
    this.replace(await db.select().from(departments));
  }

  get(code: string): DepartmentNode | undefined {
    return this.byCode.get(code);
  }

  has(code: string): boolean {
    return this.byCode.has(code);
  }

  all(): DepartmentNode[] {
    return [...this.byCode.values()];
  }

  /** The department and everything below it. */
  subtree(code: string): string[] {
    const found: string[] = [];
    const stack = [code];
    while (stack.length > 0) {
      const next = stack.pop() as string;
      if (!this.byCode.has(next) || found.includes(next)) continue;
      found.push(next);
      stack.push(...(this.children.get(next) ?? []));
    }
    return found;
  }
}
