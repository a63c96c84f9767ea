import type { Catalog } from '@tongban/engine';
import type { CaseAccess } from '../cases/case-access.js';
import { authorsOf, type TimelineActor } from '../cases/timeline.js';
import type { Executor } from '../db/database.js';
import type { comments, Visibility } from '../db/schema.js';
import { forbidden } from '../errors/api-error.js';

export type CommentRow = typeof comments.$inferSelect;

/**
 * The visibility of a new comment. The applicant's own comments are theirs to see: they cannot write
 * an internal note (403). Staff write internal notes unless they mark a comment for the applicant.
 */
export function newCommentVisibility(access: CaseAccess, requested: Visibility | undefined): Visibility {
  if (access.applicant && !access.handles) {
    if (requested === 'internal') throw forbidden();
    return 'applicant';
  }
  return requested ?? (access.applicant ? 'applicant' : 'internal');
}

/**
 * A case's comments for their reader, each with who wrote it: the applicant, or a department by its
 * name. Those who handle the case read every comment with its author and visibility; the applicant
 * reads their own and those marked for them, with no member of staff's user id.
 */
export async function commentsFor(
  db: Executor,
  catalog: Catalog,
  kase: { applicantId: string | null },
  access: CaseAccess,
  rows: CommentRow[],
) {
  const applicantView = !access.handles;
  const shown = applicantView ? rows.filter((row) => row.visibility === 'applicant') : rows;
  const authors = await authorsOf(
    db,
    catalog,
    kase,
    shown.map((row) => ({ actorId: row.authorId, taskId: row.taskId })),
  );
  return shown.map((row, index) => {
    const by = authors[index] as TimelineActor;
    if (!applicantView) return { ...row, by };
    const { authorId: _authorId, ...rest } = row;
    return { ...rest, by };
  });
}
