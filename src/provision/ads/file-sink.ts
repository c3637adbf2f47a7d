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

/** A file written line by line with backpressure; mode 0600 (hashed personal data). Closing twice is harmless. */
export interface FileSink {
  line(text: string, rows?: number): Promise<void>;
  close(): Promise<WrittenFile>;
}

/** Opens a sink on `path` (created or truncated). */
export function openFileSink(path: string): FileSink {
  const stream = createWriteStream(path, { mode: 0o600 });
  const hash = createHash('sha256');
  let rows = 0;
  let closed: Promise<WrittenFile> | undefined;
  return {
    async line(text, count = 1) {
      const chunk = `${text}\n`;
      hash.update(chunk, 'utf8');
      rows += count;
      if (!stream.write(chunk)) await once(stream, 'drain');
    },
    close() {
      closed ??= (async () => {
        stream.end();
        await once(stream, 'finish');
        return { path, name: basename(path), rows, sha256: hash.digest('hex') };
      })();
      return closed;
    },
  };
}
