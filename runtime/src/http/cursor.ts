import { ApiError } from '../errors/api-error.js';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The cursor of a list ordered newest first by a moment, then by id: the last item's moment and id,
 * opaque to the client (decision 0019). The next page holds what comes strictly after it.
 */
export function momentCursor(at: Date, id: string): string {
  return Buffer.from(JSON.stringify([at.toISOString(), id])).toString('base64url');
}

export function readMomentCursor(cursor: string): { at: Date; id: string } {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [unknown, unknown];
    const date = new Date(String(at));
    // what momentCursor writes, and nothing PostgreSQL would refuse: a uuid and a year from 1 to 9999
    const year = date.getUTCFullYear();
    if (typeof id !== 'string' || !uuid.test(id) || !(year >= 1 && year <= 9999))
      throw new Error('bad cursor');
    return { at: date, id };
  } catch {
    throw new ApiError('TB_REQUEST_INVALID', {}, [
      { path: '/cursor', message: { 'zh-CN': '翻页标记无效', en: 'the page cursor is not valid' } },
    ]);
  }
}

/** A page of `limit` from rows read with one more: the cursor names the last one shown, if more follow. */
export function pageOf<T extends { id: string }>(
  rows: T[],
  limit: number,
  momentOf: (row: T) => Date,
): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items,
    nextCursor: rows.length > limit && last !== undefined ? momentCursor(momentOf(last), last.id) : null,
  };
}
