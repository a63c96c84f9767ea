import { createContext, useContext } from 'react';
import type { AttachmentReference } from './attachment-reference.js';

/** Sends one file; reports the share sent (0 to 1) as it goes; resolves to the stored reference. */
export type SendFile = (
  file: File,
  onProgress: (sent: number) => void,
  signal: AbortSignal,
) => Promise<AttachmentReference>;

/** Where an upload field sends its files, and how it lets go of one the person removed. */
export interface Uploader {
  send: SendFile;
  /** Called when the person removes a stored file; best effort (the form no longer names it anyway). */
  discard?(reference: AttachmentReference): void;
}

/** An upload the server refused, with its error code (TB_FILE_TYPE_MISMATCH, TB_PAYLOAD_TOO_LARGE...). */
export class UploadError extends Error {
  constructor(
    readonly status: number,
    readonly code: string | undefined,
  ) {
    super(`upload refused: ${status} ${code ?? ''}`.trim());
    this.name = 'UploadError';
  }
}

interface UploadedRow {
  id: string;
  name: string;
  contentType: string;
  size: number;
}

/**
 * An uploader that sends the file's bytes as the body (decision 0010) to `url` plus `?name=`, with
 * the session's cookie. XMLHttpRequest rather than fetch: only it reports upload progress.
 */
export function sendTo(url: string): SendFile {
  return (file, onProgress, signal) =>
    new Promise<AttachmentReference>((resolve, reject) => {
      const request = new XMLHttpRequest();
      const separator = url.includes('?') ? '&' : '?';
      request.open('POST', `${url}${separator}name=${encodeURIComponent(file.name)}`);
      request.withCredentials = true;
      request.setRequestHeader('content-type', file.type || 'application/octet-stream');
      request.responseType = 'json';
      request.upload.onprogress = (event) => {
        if (event.lengthComputable) onProgress(event.loaded / event.total);
      };
      request.onload = () => {
        const body = request.response as (UploadedRow & { code?: string }) | null;
        if (request.status !== 201 || !body) {
          reject(new UploadError(request.status, body?.code));
          return;
        }
        resolve({ id: body.id, name: body.name, type: body.contentType, size: body.size });
      };
      request.onerror = () => reject(new UploadError(0, undefined));
      signal.addEventListener('abort', () => request.abort());
      request.onabort = () => reject(new DOMException('upload cancelled', 'AbortError'));
      request.send(file);
    });
}

/**
 * Where an application's files go before its case exists: the signed-in person's own uploads, which
 * the case takes when it starts (runtime/src/uploads, decision 0021); a removed one is deleted there
 * (a 404 for one a case already took changes nothing). An app handling a case gives the case's
 * attachments route instead: `<UploaderContext value={{ send: sendTo('/api/cases/<id>/attachments') }}>`.
 */
export const defaultUploader: Uploader = {
  send: sendTo('/api/uploads'),
  discard: (reference) => {
    void fetch(`/api/uploads/${encodeURIComponent(reference.id)}`, {
      method: 'DELETE',
      credentials: 'same-origin',
    }).catch(() => undefined);
  },
};

export const UploaderContext = createContext<Uploader>(defaultUploader);

export function useUploader(): Uploader {
  return useContext(UploaderContext);
}
