import { and, eq, inArray } from 'drizzle-orm';
import type { AuditEntry } from '../audit/audit-log.js';
import type { Database, Statement } from '../db/database.js';
import { uploads } from '../db/schema.js';

/** An upload an application names, about to become one of its case's attachments. */
export interface ClaimedUpload {
  id: string;
  name: string;
  sha256: string;
}

const uuidShape = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The ids of the attachment references in an application's data: objects `{ id, name, type, size }`
 * at any depth (an upload field is an array of them, maybe inside a group or an array's item). The data
 * was checked within bounds before (decision 0015), so walking it is cheap.
 */
export function referencedUploadIds(data: unknown): string[] {
  const found = new Set<string>();
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const item of value) walk(item);
      return;
    }
    if (value === null || typeof value !== 'object') return;
    const record = value as Record<string, unknown>;
    if (
      typeof record.id === 'string' &&
      uuidShape.test(record.id) &&
      typeof record.name === 'string' &&
      typeof record.type === 'string' &&
      typeof record.size === 'number'
    ) {
      found.add(record.id.toLowerCase());
      return;
    }
    for (const child of Object.values(record)) walk(child);
  };
  walk(data);
  return [...found];
}

/** The person's own uploads the data names; ids that are not theirs (or not uploads) are left alone. */
export async function claimableUploads(
  db: Database,
  ownerId: string,
  data: unknown,
): Promise<ClaimedUpload[]> {
  const ids = referencedUploadIds(data);
  if (ids.length === 0) return [];
  return db
    .select({ id: uploads.id, name: uploads.name, sha256: uploads.sha256 })
    .from(uploads)
    .where(and(eq(uploads.ownerId, ownerId), inArray(uploads.id, ids)));
}

/**
 * Moves the uploads into the new case's attachments, same ids, in the transaction that writes the case
 * (after its row: the one order of every case write), so the references in the case's data name its
 * attachments from the first moment, and an upload is taken by one case only.
 */
export function claimStatement(
  ownerId: string,
  caseId: string,
  claimed: readonly ClaimedUpload[],
): Statement {
  return {
    text: `with taken as (
             delete from uploads where owner_id = $1::uuid and id = any($2::uuid[])
             returning id, name, content_type, size, sha256, owner_id, created_at
           )
           insert into attachments (id, case_id, name, content_type, size, sha256, uploaded_by, created_at)
           select id, $3::uuid, name, content_type, size, sha256, owner_id, created_at from taken`,
    params: [ownerId, `{${claimed.map((upload) => upload.id).join(',')}}`, caseId],
  };
}

/** The audit entries of the attachments a case starts with, as an upload to the case would write. */
export function claimAudit(
  actorId: string | null,
  claimed: readonly ClaimedUpload[],
  at: Date,
): Omit<AuditEntry, 'caseId'>[] {
  return claimed.map((upload) => ({
    actorId,
    action: 'attachment.added',
    at,
    data: { attachmentId: upload.id, name: upload.name, sha256: upload.sha256, material: null },
  }));
}
