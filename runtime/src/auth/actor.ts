import type { Role } from '../db/schema.js';
import type { DepartmentDirectory } from '../departments/directory.js';

export interface Membership {
  department: string;
  role: Role;
}

/**
 * Who is asking, and what that lets them see. Every query is scoped through one of these: staff see
 * their departments, supervisors their departments and everything below, residents their own cases.
 */
export class Actor {
  readonly roles: ReadonlySet<Role>;
  /** Departments whose queues this actor works (staff, supervisor, grid worker). */
  readonly workDepartments: ReadonlySet<string>;
  /** Departments this actor supervises: each supervisor membership's department and everything below. */
  readonly supervisedDepartments: ReadonlySet<string>;
  /** Departments this actor may watch: where they work and what they supervise. */
  readonly visibleDepartments: ReadonlySet<string>;

  constructor(
    readonly userId: string,
    readonly username: string,
    readonly displayName: string,
    readonly memberships: Membership[],
    directory: DepartmentDirectory,
  ) {
    this.roles = new Set(memberships.map((membership) => membership.role));
    this.workDepartments = new Set(
      memberships
        .filter((membership) => membership.department !== '' && membership.role !== 'resident')
        .map((membership) => membership.department),
    );
    const supervised = new Set<string>();
    for (const membership of memberships) {
      if (membership.role === 'supervisor' && membership.department !== '') {
        for (const code of directory.subtree(membership.department)) supervised.add(code);
      }
    }
    this.supervisedDepartments = supervised;
    this.visibleDepartments = new Set([...this.workDepartments, ...supervised]);
  }

  get isAdmin(): boolean {
    return this.roles.has('admin');
  }

  has(role: Role): boolean {
    return this.roles.has(role);
  }

  /** Can work this department's queue: claim, complete, transfer its tasks. */
  worksIn(department: string): boolean {
    return this.isAdmin || this.workDepartments.has(department);
  }

  /** Can see this department's tasks (and so the cases they belong to). */
  sees(department: string): boolean {
    return this.isAdmin || this.visibleDepartments.has(department);
  }

  /** Supervises this department (directly or from above). */
  supervises(department: string): boolean {
    return this.isAdmin || this.supervisedDepartments.has(department);
  }

  toJSON() {
    return {
      id: this.userId,
      username: this.username,
      displayName: this.displayName,
      roles: [...this.roles],
      memberships: this.memberships,
    };
  }
}
