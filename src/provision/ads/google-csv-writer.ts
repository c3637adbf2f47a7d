import type { AudienceRow } from './audience-row.ts';
import type { AudienceWriter } from './audience-writer.ts';
import { openFileSink } from './file-sink.ts';

/** Google Customer Match's CSV header. */
export const GOOGLE_CSV_HEADER = 'Email,Phone,First Name,Last Name,Country,Zip';

const SPECIAL = /[",\r\n]/;

/** RFC 4180: quote a field holding a comma, quote or line break. */
const csvField = (v: string | undefined) =>
  v === undefined ? '' : SPECIAL.test(v) ? `"${v.replaceAll('"', '""')}"` : v;

/** Google Customer Match: one CSV file with the documented header, one row per line. */
export function googleCsvWriter(path: string): AudienceWriter {
  const sink = openFileSink(path);
  let started = false;
  return {
    add(row: AudienceRow) {
      if (!started) sink.line(GOOGLE_CSV_HEADER, 0);
      started = true;
      // The header's columns, in its order.
      sink.line(
        `${csvField(row.email)},${csvField(row.phone)},${csvField(row.firstName)},` +
          `${csvField(row.lastName)},${csvField(row.country)},${csvField(row.zip)}`,
      );
    },
    drain: () => sink.drain(),
    async close() {
      if (!started) sink.line(GOOGLE_CSV_HEADER, 0);
      return [await sink.close()];
    },
    async abort() {
      await sink.discard();
    },
  };
}
