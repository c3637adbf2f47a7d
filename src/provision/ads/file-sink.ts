import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { basename } from 'node:path';

/** A file written and what the receipt says of it: its name, rows and SHA-256, no content. */
export interface WrittenFile {
  readonly path: string;
  readonly name: string;
  readonly rows: number;
  readonly sha256: string;
}

/**
 * A file written line by line; mode 0600 (hashed personal data). Appending never waits:
 * `drain` is the backpressure, awaited by the caller between batches. A failure of the file
 * (cannot be opened, disk full) is kept and rejects the next `drain` or `close`, never thrown
 * from nowhere. Closing twice is harmless; `discard` removes the file whatever its state.
 */
export interface FileSink {
  /** Appends `text` and a line break; the line holds `rows` rows of the upload (default 1). */
  line(text: string, rows?: number): void;
  /** Appends `text` to the line being written. */
  write(text: string): void;
  /** Hands what was appended to the file and resolves once its stream can take more. */
  drain(): Promise<void>;
  close(): Promise<WrittenFile>;
  /** Stops writing and deletes the file, without waiting on a stream that may have failed. */
  discard(): Promise<void>;
}

const CHUNK = 256 * 1024;

/** Opens a sink on `path` (created or truncated). */
export function openFileSink(path: string): FileSink {
  const stream = createWriteStream(path, { mode: 0o600 });
  // Kept for the next drain or close: an 'error' with no listener would end the process.
  let failure: Error | undefined;
  stream.on('error', (e) => {
    failure ??= e;
  });
  /** Resolves on `event`, rejects with the stream's failure, whichever comes first. */
  const until = (event: 'drain' | 'finish') =>
    new Promise<void>((resolve, reject) => {
      if (failure !== undefined) return reject(failure);
      const fail = (e: Error) => {
        stream.off(event, done);
        reject(e);
      };
      const done = () => {
        stream.off('error', fail);
        resolve();
      };
      stream.once(event, done);
      stream.once('error', fail);
    });
  const hash = createHash('sha256');
  let rows = 0;
  let closed: Promise<WrittenFile> | undefined;
  // Lines gather into one chunk before they are hashed and written: one write per ~256 KiB.
  let pending = '';
  const flush = () => {
    hash.update(pending, 'utf8');
    stream.write(pending);
    pending = '';
  };
  return {
    line(text, count = 1) {
      pending += `${text}\n`;
      rows += count;
      if (pending.length >= CHUNK) flush();
    },
    write(text) {
      pending += text;
      if (pending.length >= CHUNK) flush();
    },
    async drain() {
      if (failure !== undefined) throw failure;
      if (pending.length >= CHUNK) flush();
      if (stream.writableNeedDrain) await until('drain');
    },
    close() {
      closed ??= (async () => {
        if (failure !== undefined) throw failure;
        if (pending !== '') flush();
        stream.end();
        await until('finish');
        return { path, name: basename(path), rows, sha256: hash.digest('hex') };
      })();
      return closed;
    },
    async discard() {
      pending = '';
      stream.destroy();
      await rm(path, { force: true });
    },
  };
}
