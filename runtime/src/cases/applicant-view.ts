import type { Catalog, LocalizedText } from '@tongban/engine';
import { applicantOutcomes, departmentName } from './timeline.js';

/** A task as the case view gives it to departments (the fields the applicant's view keeps or reads). */
interface TaskView {
  id: string;
  state: string;
  title: LocalizedText;
  department: string;
  status: string;
  outcome: string | null;
  reason: string | null;
  openedAt: Date;
  dueAt: Date | null;
  dueUncertain: boolean;
  closedAt: Date | null;
}

/**
 * The steps of a case as its applicant sees them: which department has or had each, under its name,
 * where it stands and when it is due, and the decision with its reason where a step was decided
 * (accepted, approved, rejected). Who holds a task, its priority and flags, other outcomes and their
 * reasons (a transfer's, a return's) are the departments' own.
 */
export function applicantTasks(catalog: Catalog, tasks: TaskView[]) {
  return tasks.map((task) => {
    const decided = task.outcome !== null && applicantOutcomes.has(task.outcome);
    return {
      id: task.id,
      state: task.state,
      title: task.title,
      department: task.department,
      departmentName: departmentName(catalog, task.department),
      status: task.status,
      outcome: decided ? task.outcome : null,
      reason: decided ? task.reason : null,
      openedAt: task.openedAt,
      dueAt: task.dueAt,
      dueUncertain: task.dueUncertain,
      closedAt: task.closedAt,
    };
  });
}

/** A case view for its reader: departments get it whole, the applicant their own steps only. */
export function caseViewFor<T extends { tasks: TaskView[] }>(
  view: 'applicant' | 'departments',
  catalog: Catalog,
  kase: T,
) {
  return view === 'departments' ? kase : { ...kase, tasks: applicantTasks(catalog, kase.tasks) };
}
