import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { demoCustomer } from '../../src/demo/demo-customer.ts';
import { openStore } from '../../src/store/open-store.ts';
import { floorInsert } from './floor-insert.ts';
import { writeDemoCsv } from './write-demo-csv.ts';

describe('the import benchmark’s encrypted floor', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hogo-floor-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('does the work it claims: a row per customer, values sealed, an index per e-mail and phone', async () => {
    const file = join(dir, 'customers.csv');
    await writeDemoCsv(file, 300, 7);
    const db = join(dir, 'floor.sqlite');
    const store = await openStore({ url: db });
    try {
      expect(await floorInsert(store, file, 100)).toBe(300);
      const count = async (table: string) =>
        Number(
          (
            await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(
              store.db,
            )
          ).rows[0]!.n,
        );
      expect(await count('floor_customers')).toBe(300);
      const rows = Array.from({ length: 300 }, (_, n) => demoCustomer(7, n).row);
      const indexed = rows.filter((r) => r.email).length + rows.filter((r) => r.phone).length;
      expect(await count('floor_index')).toBe(indexed);
    } finally {
      await store.close();
    }
    // Sealed: no seeded e-mail or name is in the file (its WAL checkpointed on close) in clear.
    const bytes = readFileSync(db).toString('utf8');
    const first = demoCustomer(7, 0).row;
    for (const value of [first.email, first.name]) {
      if (value) expect(bytes.includes(value)).toBe(false);
    }
  });
});
