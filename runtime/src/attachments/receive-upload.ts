import { createHash } from 'node:crypto';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ApiError } from '../errors/api-error.js';
import type { AttachmentStore, PendingWrite } from './attachment-store.js';
import { headBytes } from './file-types.js';

export interface ReceivedUpload {
  size: number;
  sha256: string;
  /** The bytes, written but not yet committed to the store. */
  pending: PendingWrite;
}

export interface ReceiveOptions {
  store: AttachmentStore;
  /** Bytes beyond this are refused (413) as they arrive. */
  maxBytes: number;
  /** Checks the first bytes (the type read from them) before anything is written; throws to refuse. */
  checkHead(head: Buffer): Promise<void>;
}

/**
 * Streams an upload into the store, chunk by chunk: the process holds the first few kilobytes (to read
 * the type from) and whatever is in flight, never the file. The size limit and the type are enforced
 * while it streams; whatever is refused or cut off leaves nothing behind.
 */
export async function receiveUpload(source: Readable, options: ReceiveOptions): Promise<ReceivedUpload> {
  const hash = createHash('sha256');
  let size = 0;
  let head: Buffer[] | null = [];
  let headSize = 0;

  // the head is held back until it is long enough to tell the type, then checked, then let through
  const releaseHead = async (meter: Transform) => {
    const bytes = Buffer.concat(head ?? []);
    head = null;
    await options.checkHead(bytes);
    meter.push(bytes);
  };
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      if (size > options.maxBytes) return done(tooLarge(options.maxBytes));
      hash.update(chunk);
      if (head === null) return done(null, chunk);
      head.push(chunk);
      headSize += chunk.length;
      if (headSize < headBytes) return done();
      releaseHead(this).then(() => done(), done);
    },
    flush(done) {
      if (size === 0) return done(empty());
      if (head === null) return done();
      releaseHead(this).then(() => done(), done);
    },
  });

  const pending = await options.store.begin();
  // the request is piped, not handed to pipeline(): a refusal must leave its socket open for the answer
  const cutOff = () => {
    if (!source.readableEnded) meter.destroy(new Error('the upload was cut off before its end'));
  };
  source.once('close', cutOff);
  source.once('error', cutOff);
  source.pipe(meter);
  try {
    await pipeline(meter, pending.sink);
    return { size, sha256: hash.digest('hex'), pending };
  } catch (error) {
    source.unpipe(meter);
    // what the client still sends is read and dropped (the answer closes the connection)
    source.resume();
    await pending.discard();
    throw error;
  } finally {
    source.off('close', cutOff);
    source.off('error', cutOff);
  }
}

/** 413 naming the limit, for a file that is (or says it is) over it. */
export function tooLarge(maxBytes: number): ApiError {
  return new ApiError('TB_PAYLOAD_TOO_LARGE', { limit: megabytes(maxBytes) }, [
    {
      path: '/body',
      message: {
        'zh-CN': `文件超过 ${maxBytes} 字节`,
        en: `the file is over ${maxBytes} bytes`,
      },
    },
  ]);
}

function empty(): ApiError {
  return new ApiError('TB_REQUEST_INVALID', {}, [
    { path: '/body', message: { 'zh-CN': '文件是空的', en: 'the file is empty' } },
  ]);
}

export const megabytes = (bytes: number) => `${Number((bytes / 1048576).toFixed(1))} MB`;
