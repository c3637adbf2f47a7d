import type { Database, Statement } from 'better-sqlite3';
import { CompiledQuery, type Kysely } from 'kysely';
import type { BulkColumn, Store } from './store.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

function requireTransaction(tx: AnyDb): void {
  if (!tx.isTransaction) throw new Error('bulkInsert must run inside a transaction');
}

/**
 * SQLite: one prepared single-row INSERT per table and column list, compiled once and reused
 * for every row. better-sqlite3 is synchronous and Kysely's SQLite driver has one connection,
 * held by the transaction `tx` while its callback runs, so a statement run on `database` now is
 * part of that transaction (checked: `database.inTransaction`).
 */
export function sqliteBulkInsert(database: Database): Store['bulkInsert'] {
  const statements = new Map<string, Statement>();
  return async (tx, table, columns, rows) => {
    requireTransaction(tx);
    if (rows.length === 0) return;
    if (!database.inTransaction)
      throw new Error('bulkInsert: the connection is not in a transaction');
    const names = columns.map((c) => c.name);
    const key = `${table}(${names.join(',')})`;
    let statement = statements.get(key);
    if (statement === undefined) {
      statement = database.prepare(
        `insert into "${table}" (${names.map((n) => `"${n}"`).join(', ')}) values (${names.map(() => '?').join(', ')})`,
      );
      statements.set(key, statement);
    }
    for (const row of rows) statement.run(row as unknown[]);
  };
}

const PG_TYPES: Readonly<Record<BulkColumn['type'], string>> = {
  text: 'text[]',
  integer: 'int4[]',
  bigint: 'int8[]',
  bytes: 'bytea[]',
};

/**
 * PostgreSQL: the rows sent as one array per column, `INSERT … SELECT * FROM unnest($1::text[],
 * $2::int8[], …)`: one statement and one round trip per call, whatever the number of rows, and
 * no parameter limit to slice around.
 */
export function postgresBulkInsert(): Store['bulkInsert'] {
  const texts = new Map<string, string>();
  return async (tx, table, columns, rows) => {
    requireTransaction(tx);
    if (rows.length === 0) return;
    const key = `${table}(${columns.map((c) => `${c.name}:${c.type}`).join(',')})`;
    let text = texts.get(key);
    if (text === undefined) {
      const names = columns.map((c) => `"${c.name}"`).join(', ');
      const arrays = columns.map((c, i) => `$${i + 1}::${PG_TYPES[c.type]}`).join(', ');
      text = `insert into "${table}" (${names}) select * from unnest(${arrays})`;
      texts.set(key, text);
    }
    const values = columns.map(() => new Array<unknown>(rows.length));
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r]!;
      for (let c = 0; c < values.length; c++) values[c]![r] = row[c] ?? null;
    }
    await tx.executeQuery(CompiledQuery.raw(text, values));
  };
}
