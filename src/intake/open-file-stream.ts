import { createReadStream } from 'node:fs';
import { access, constants } from 'node:fs/promises';
import { unreadable } from './intake-errors.ts';

/** Read size: large enough to amortize the stream's overhead, small enough to stay cheap. */
const CHUNK_BYTES = 256 * 1024;

/**
 * The bytes of a file from `offset` on, as a stream of chunks (never the whole file); a file
 * that cannot be read gives 'intake.unreadable' naming the OS reason.
 */
export async function* fileChunks(path: string, offset = 0): AsyncGenerator<Buffer> {
  try {
    await access(path, constants.R_OK);
  } catch (e) {
    throw unreadable(path, e);
  }
  const stream = createReadStream(path, { start: offset, highWaterMark: CHUNK_BYTES });
  try {
    for await (const chunk of stream) yield chunk as Buffer;
  } catch (e) {
    throw unreadable(path, e);
  } finally {
    stream.destroy();
  }
}
