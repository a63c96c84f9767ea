import { randomBytes } from 'node:crypto';

/**
 * Files as residents upload them: the first bytes are what a type is read from (magic numbers), the
 * rest is filler of the size asked for.
 */
const withHead = (head: Buffer, size: number, tail = Buffer.alloc(0)): Buffer => {
  const filler = Math.max(0, size - head.length - tail.length);
  return Buffer.concat([head, randomBytes(filler), tail]);
};

/** A PDF of `size` bytes (header, filler, trailer). */
export const pdf = (size = 2048): Buffer =>
  withHead(
    Buffer.from('%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n<<>>\nendobj\n', 'latin1'),
    size,
    Buffer.from('\n%%EOF\n'),
  );

/** A 1x1 PNG, as a phone or a scanner writes one. */
export const png = (): Buffer =>
  Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
    'base64',
  );

/** A JPEG (JFIF) of `size` bytes. */
export const jpeg = (size = 2048): Buffer =>
  withHead(
    Buffer.concat([
      Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]),
      Buffer.from('JFIF\0\u0001\u0001', 'latin1'),
    ]),
    size,
    Buffer.from([0xff, 0xd9]),
  );

/** A WebP (RIFF container) of `size` bytes. */
export const webp = (size = 2048): Buffer => {
  const head = Buffer.alloc(16);
  head.write('RIFF', 0, 'latin1');
  head.writeUInt32LE(size - 8, 4);
  head.write('WEBPVP8 ', 8, 'latin1');
  return withHead(head, size);
};

/** A web page with a script: what a browser that sniffs would run. */
export const html = (): Buffer =>
  Buffer.from('<!doctype html><html><script>alert(document.cookie)</script></html>');

/** A ZIP archive (a .docx is one): not a type counters take. */
export const zip = (size = 2048): Buffer =>
  withHead(Buffer.from('PK\u0003\u0004\u0014\u0000\u0000\u0000', 'latin1'), size);

/** An uploaded file as a form's answer refers to it (what `/api/uploads` answers), for test forms' schemas. */
export const attachmentReference = {
  type: 'object',
  required: ['id', 'name', 'type', 'size'],
  properties: {
    id: { type: 'string', format: 'uuid' },
    name: { type: 'string', minLength: 1, maxLength: 200 },
    type: { type: 'string' },
    size: { type: 'integer', minimum: 1 },
  },
  additionalProperties: false,
};
