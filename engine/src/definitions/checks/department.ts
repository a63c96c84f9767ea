import { departmentLevels, type DepartmentDefinition } from '../types.js';
import type { CheckContext } from './context.js';

export function checkDepartment(context: CheckContext, department: DepartmentDefinition): void {
  context.reference('/parent', 'department', department.parent);
  context.reference('/calendar', 'calendar', department.calendar);
  const catalog = context.catalog;
  if (catalog === undefined || department.parent === undefined) return;

  const parent = catalog.get('department', department.parent);
  if (parent && departmentLevels.indexOf(parent.level) > departmentLevels.indexOf(department.level)) {
    context.report('/parent', 'department-parent-level', {
      parent: parent.key,
      parentLevel: parent.level,
      level: department.level,
    });
  }
  // walk up the parents: coming back to this department means a loop
  const chain = [department.key];
  for (
    let at = parent;
    at !== undefined;
    at = at.parent === undefined ? undefined : catalog.get('department', at.parent)
  ) {
    if (chain.includes(at.key)) {
      if (at.key === department.key)
        context.report('/parent', 'department-cycle', { cycle: [...chain, at.key].join(' → ') });
      return;
    }
    chain.push(at.key);
  }
}
