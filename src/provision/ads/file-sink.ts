import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
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
 * `drain` is the backpressure, awaited by the caller between batches. Closing twice is harmless.
 */
export interface FileSink {
  /** Appends `text` and a line break; the line holds `rows` rows of the upload (default 1). */
  line(text: string, rows?: number): void;
  /** Appends `text` to the line being written. */
  write(text: string): void;
  /** Hands what was appended to the file and resolves once its stream can take more. */
  drain(): Promise<void>;
  close(): Promise<WrittenFile>;
}

const CHUNK = 256 * 1024;

/** Opens a sink on `path` (created or truncated). */
export function openFileSink(path: string): FileSink {
  const stream = createWriteStream(path, { mode: 0o600 });
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
      if (pending.length >= CHUNK) flush();
      if (stream.writableNeedDrain) await once(stream, 'drain');
    },
    close() {
      closed ??= (async () => {
        if (pending !== '') flush();
        stream.end();
        await once(stream, 'finish');
        return { path, name: basename(path), rows, sha256: hash.digest('hex') };
      })();
      return closed;
    },
  };
}
