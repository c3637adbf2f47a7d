import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { demoCustomer } from '../../src/demo/demo-customer.ts';
import { formatCsvRow } from '../../src/intake/csv/format-csv-row.ts';
import { IMPORT_COLUMN_NAMES } from '../../src/intake/import-columns.ts';

/** Writes `rows` demo customers of `seed` as an import CSV, streamed (1,000,000 rows fit). */
export async function writeDemoCsv(path: string, rows: number, seed: number): Promise<number> {
  const out = createWriteStream(path);
  out.write(formatCsvRow(IMPORT_COLUMN_NAMES));
  let chunk = '';
  for (let n = 0; n < rows; n++) {
    const row = demoCustomer(seed, n).row;
    chunk += formatCsvRow(IMPORT_COLUMN_NAMES.map((c) => row[c] ?? ''));
    if (chunk.length > 1 << 20 || n === rows - 1) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end();
  await once(out, 'finish');
  return out.bytesWritten;
}
