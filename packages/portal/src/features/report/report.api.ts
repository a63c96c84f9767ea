import { TongbanApiError, unwrap, type paths } from '@tongban/client';
import { tongbanApi } from '@tongban/ui';

/** GET /api/reports/choices: the kinds of problem the responsibility list routes, and the communities. */
export type ReportChoices =
  paths['/api/reports/choices']['get']['responses'][200]['content']['application/json'];
/** What POST /api/reports takes. */
export type ReportInput = paths['/api/reports']['post']['requestBody']['content']['application/json'];
/** POST /api/reports's answer: the report as its code shows it, with the code. */
export type FiledReport = paths['/api/reports']['post']['responses'][201]['content']['application/json'];
/** GET /api/reports/{code}'s answer. */
export type ReportView = paths['/api/reports/{code}']['get']['responses'][200]['content']['application/json'];
export type Score = 'good' | 'average' | 'bad';
type PhotoAnswer = paths['/api/reports/photos']['post']['responses'][201]['content']['application/json'];

/** A photo the runtime holds for the report being written. */
export interface SentPhoto {
  reference: { id: string; name: string; type: 'image/jpeg' | 'image/png' | 'image/webp'; size: number };
  uploadToken: string;
}

export function loadChoices(): Promise<ReportChoices> {
  return unwrap(tongbanApi().GET('/api/reports/choices'));
}

export function fileReport(input: ReportInput): Promise<FiledReport> {
  return unwrap(tongbanApi().POST('/api/reports', { body: input }));
}

/** The report a code names; null for a code that names none (the plain 404). */
export async function followReport(code: string): Promise<ReportView | null> {
  try {
    return await unwrap(tongbanApi().GET('/api/reports/{code}', { params: { path: { code } } }));
  } catch (error) {
    if (error instanceof TongbanApiError && error.code === 'TB_REPORT_CODE_UNKNOWN') return null;
    throw error;
  }
}

export function rateReport(code: string, score: Score, reason: string | undefined): Promise<ReportView> {
  return unwrap(
    tongbanApi().POST('/api/reports/{code}/rating', {
      params: { path: { code } },
      body: { score, ...(reason ? { reason } : {}) },
    }),
  );
}

/**
 * Sends one photo's bytes (already compressed) as the body; the first answer's upload token goes with
 * the next photos and with the report. A refusal throws the runtime's error (its message in words).
 */
export async function sendPhoto(
  photo: Blob,
  name: string,
  uploadToken: string | undefined,
): Promise<SentPhoto> {
  const response = await fetch(`/api/reports/photos?name=${encodeURIComponent(name)}`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': photo.type, ...(uploadToken ? { 'x-upload-token': uploadToken } : {}) },
    body: photo,
  });
  const body = (await response.json().catch(() => null)) as (PhotoAnswer & { message?: string }) | null;
  if (response.status !== 201 || body === null)
    throw new Error(body?.message ?? `${response.status} ${response.statusText}`);
  return {
    reference: {
      id: body.id,
      name: body.name,
      type: body.contentType as SentPhoto['reference']['type'],
      size: body.size,
    },
    uploadToken: body.uploadToken,
  };
}
