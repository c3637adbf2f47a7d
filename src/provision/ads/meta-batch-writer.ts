import type { AudienceRow } from './audience-row.ts';
import type { AudienceWriter } from './audience-writer.ts';
import { openFileSink } from './file-sink.ts';

/** Meta's limit of rows per upload request. */
export const META_BATCH_ROWS = 10_000;

/** The Custom Audience multi-key schema every batch carries, in column order. */
export const META_SCHEMA = [
  'EMAIL',
  'PHONE',
  'FN',
  'LN',
  'ZIP',
  'CT',
  'ST',
  'COUNTRY',
  'DOB',
  'DOBY',
  'GEN',
  'MADID',
];

/** A row's cells in the schema's column order; a missing field is ''. */
const cellsOf = (row: AudienceRow): string[] => [
  row.email ?? '',
  row.phone ?? '',
  row.firstName ?? '',
  row.lastName ?? '',
  row.zip ?? '',
  row.city ?? '',
  row.state ?? '',
  row.country ?? '',
  row.dateOfBirth ?? '',
  row.birthYear ?? '',
  row.gender ?? '',
  row.advertisingId ?? '',
];

/**
 * Meta Custom Audiences: NDJSON, one line per upload batch `{"schema": […], "data": [[…]]}` of
 * at most 10,000 rows — each line is the payload of one API call. Missing fields are ''. Each
 * row is written as it comes (a batch is never held whole in memory): the bytes are those of
 * JSON.stringify({ schema, data }).
 */
export function metaBatchWriter(path: string, batchRows = META_BATCH_ROWS): AudienceWriter {
  const sink = openFileSink(path);
  const head = `{"schema":${JSON.stringify(META_SCHEMA)},"data":[`;
  let inBatch = 0;
  return {
    add(row: AudienceRow) {
      const cells = JSON.stringify(cellsOf(row));
      const text = inBatch === 0 ? `${head}${cells}` : `,${cells}`;
      inBatch++;
      if (inBatch < batchRows) {
        sink.write(text);
        return;
      }
      const rows = inBatch;
      inBatch = 0;
      sink.line(`${text}]}`, rows);
    },
    drain: () => sink.drain(),
    async close() {
      if (inBatch > 0) sink.line(']}', inBatch);
      inBatch = 0;
      return [await sink.close()];
    },
    async abort() {
      await sink.discard();
    },
  };
}
