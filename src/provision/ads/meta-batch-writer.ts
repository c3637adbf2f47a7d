import { rm } from 'node:fs/promises';
import type { AudienceRow } from './audience-row.ts';
import type { AudienceWriter } from './audience-writer.ts';
import { openFileSink } from './file-sink.ts';

/** Meta's limit of rows per upload request. */
export const META_BATCH_ROWS = 10_000;

/** The Custom Audience multi-key schema every batch carries, in column order. */
export const META_SCHEMA = ['EMAIL', 'PHONE', 'FN', 'LN', 'ZIP', 'COUNTRY', 'DOB', 'GEN', 'MADID'];

const COLUMNS = [
  'email',
  'phone',
  'firstName',
  'lastName',
  'zip',
  'country',
  'dateOfBirth',
  'gender',
  'advertisingId',
] as const;

/**
 * Meta Custom Audiences: NDJSON, one line per upload batch `{"schema": […], "data": [[…]]}` of
 * at most 10,000 rows — each line is the payload of one API call. Missing fields are ''.
 */
export function metaBatchWriter(path: string, batchRows = META_BATCH_ROWS): AudienceWriter {
  const sink = openFileSink(path);
  let batch: string[][] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    await sink.line(JSON.stringify({ schema: META_SCHEMA, data: batch }), batch.length);
    batch = [];
  };
  return {
    async add(row: AudienceRow) {
      batch.push(COLUMNS.map((c) => row[c] ?? ''));
      if (batch.length >= batchRows) await flush();
    },
    async close() {
      await flush();
      return [await sink.close()];
    },
    async abort() {
      await sink.close();
      await rm(path, { force: true });
    },
  };
}
