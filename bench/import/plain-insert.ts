import { CompiledQuery, type Kysely } from 'kysely';
import { IMPORT_COLUMN_NAMES } from '../../src/intake/import-columns.ts';
import { readCsvRows } from '../../src/intake/read-csv-rows.ts';
import type { Store } from '../../src/store/store.ts';

/**
 * The limit the import is measured against: the same file read by the same CSV reader, its rows
 * written as they are — no normalization, no encryption, no audit — with multi-row INSERTs into
 * one plain table, `batch` rows per transaction. The statement is compiled once and reused with
 * new parameters, so the limit pays no query-builder cost either.
 */
export async function plainInsert(store: Store, path: string, batch: number): Promise<number> {
  const columns = IMPORT_COLUMN_NAMES.map((c) => c.toLowerCase());
  let create = store.db.schema.createTable('plain_customers');
  for (const c of columns) create = create.addColumn(c, 'text');
  await create.execute();
  const perStatement = Math.min(
    1000,
    Math.floor(store.capabilities.maxParameters / columns.length),
  );
  const statements = new Map<number, string>();
  const statement = (rows: number): string => {
    let text = statements.get(rows);
    if (text === undefined) {
      const values = Array.from({ length: rows }, () =>
        Object.fromEntries(columns.map((c) => [c, ''])),
      );
      text = store.db.insertInto('plain_customers').values(values).compile().sql;
      statements.set(rows, text);
    }
    return text;
  };
  let params: string[] = [];
  let count = 0;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const write = async (tx: Kysely<any>, values: string[]) => {
    for (let i = 0; i < values.length; i += perStatement * columns.length) {
      const part = values.slice(i, i + perStatement * columns.length);
      await tx.executeQuery(CompiledQuery.raw(statement(part.length / columns.length), part));
    }
  };
  const flush = async () => {
    const all = params;
    params = [];
    await store.db.transaction().execute((tx) => write(tx, all));
  };
  for await (const source of readCsvRows(path)) {
    if (!('row' in source)) continue;
    for (const c of IMPORT_COLUMN_NAMES) params.push(source.row[c] ?? '');
    count++;
    if (count % batch === 0) await flush();
  }
  if (params.length > 0) await flush();
  return count;
}
