import type { AudienceRow } from './audience-row.ts';
import type { WrittenFile } from './file-sink.ts';

/** Writes a platform's upload files as rows stream in; `close` flushes and names the files. */
export interface AudienceWriter {
  add(row: AudienceRow): Promise<void>;
  close(): Promise<WrittenFile[]>;
  /** Closes and deletes whatever was written (the export failed). */
  abort(): Promise<void>;
}
