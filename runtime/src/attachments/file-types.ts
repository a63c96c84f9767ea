import { fileTypeFromBuffer } from 'file-type';
import {
  attachmentMediaTypes,
  type AttachmentMediaType,
  type LocalizedText,
  type MaterialRequirement,
} from '@tongban/engine';
import { ApiError } from '../errors/api-error.js';

/** How many leading bytes the type is read from (file-type needs at most this many for ours). */
export const headBytes = 4100;

/** The declared type of an upload: its Content-Type without parameters, in lower case. */
export function declaredType(header: string | undefined): string {
  return (header ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

/**
 * The types an upload may have: what the material accepts, or every type counters take (PDF, JPEG,
 * PNG, WebP) when it names none or the upload is for no material.
 */
export function acceptedTypes(material: MaterialRequirement | undefined): readonly AttachmentMediaType[] {
  return material?.accept ?? attachmentMediaTypes;
}

/** Refuses a declared type that is not accepted (415), before a byte is read. */
export function assertAccepted(type: string, material: MaterialRequirement | undefined): AttachmentMediaType {
  const accepted = acceptedTypes(material);
  if ((accepted as readonly string[]).includes(type)) return type as AttachmentMediaType;
  const list = accepted.join(', ');
  const message: LocalizedText = material
    ? {
        'zh-CN': `“${material.title['zh-CN']}”可上传的类型：${list}`,
        en: `${material.title.en} is taken as: ${list}`,
      }
    : { 'zh-CN': `可上传的类型：${list}`, en: `the types taken are: ${list}` };
  throw new ApiError('TB_UNSUPPORTED_MEDIA_TYPE', { type: type || '-' }, [
    { path: '/headers/content-type', message },
  ]);
}

/**
 * Reads the type from the file's first bytes (magic numbers, with the `file-type` library) and refuses
 * the upload (415) unless it is the declared one: a web page sent as a PNG, or a ZIP sent as a PDF,
 * never reaches storage.
 */
export async function assertBytesAre(declared: AttachmentMediaType, head: Uint8Array): Promise<void> {
  const detected = (await fileTypeFromBuffer(head))?.mime;
  if (detected === declared) return;
  const actual = detected ?? 'unknown';
  throw new ApiError('TB_FILE_TYPE_MISMATCH', { declared, actual }, [
    {
      path: '/headers/content-type',
      message: {
        'zh-CN': `文件内容是 ${detected ?? '无法识别的格式'}，不是声明的 ${declared}`,
        en: `the bytes are ${detected ?? 'of no type we recognise'}, not the ${declared} declared`,
      },
    },
  ]);
}
