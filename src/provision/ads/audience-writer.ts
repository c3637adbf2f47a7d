import type { AudienceRow } from './audience-row.ts';
import type { WrittenFile } from './file-sink.ts';

/**
 * Writes a platform's upload files as rows stream in: rows are added without waiting, and the
 * caller waits on `drain` now and then (once per page of an export), so the files apply
 * backpressure without a promise per row. `close` flushes and names the files.
 */
export interface AudienceWriter {
  add(row: AudienceRow): void;
  /** Resolves when what was added so far has been handed to the files' streams and they can take more. */
  drain(): Promise<void>;
  close(): Promise<WrittenFile[]>;
  /** Closes and deletes whatever was written (the export failed). */
  abort(): Promise<void>;
}
