import { describe, expect, it } from 'vitest';
import type { BulkColumn } from './store.ts';
import { ENGINES } from './test-engines.ts';

const COLUMNS: readonly BulkColumn[] = [
  { name: 'id', type: 'text' },
  { name: 'at', type: 'bigint' },
  { name: 'n', type: 'integer' },
  { name: 'value', type: 'bytes' },
  { name: 'note', type: 'text' },
];

describe.each(ENGINES)('Store.bulkInsert on $name', (engine) => {
  it('inserts rows inside the transaction only, all or nothing', async () => {
    const store = await engine.open();
    try {
      await store.db.schema
        .createTable('bulk')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('at', 'bigint', (c) => c.notNull())
        .addColumn('n', 'integer', (c) => c.notNull())
        .addColumn('value', store.capabilities.bytesType)
        .addColumn('note', 'text')
        .execute();
      const at = Date.parse('2022-07-01T00:00:00.123+09:00');
      const rows = [
        ['a', at, 1, Buffer.from([0, 1, 255]), 'quote " back \\ slash, comma {x}'],
        ['b', at + 1, 2, null, null],
      ];
      await store.db.transaction().execute((tx) => store.bulkInsert(tx, 'bulk', COLUMNS, rows));
      const read = (await store.db.selectFrom('bulk').selectAll().orderBy('id').execute()) as {
        id: string;
        at: number;
        n: number;
        value: Uint8Array | null;
        note: string | null;
      }[];
      expect(read.map((r) => [r.id, Number(r.at), Number(r.n), r.note])).toEqual([
        ['a', at, 1, 'quote " back \\ slash, comma {x}'],
        ['b', at + 1, 2, null],
      ]);
      expect([...read[0]!.value!]).toEqual([0, 1, 255]);
      expect(read[1]!.value).toBeNull();

      // A failing row (duplicate id) rolls back the rows before it.
      await expect(
        store.db
          .transaction()
          .execute((tx) =>
            store.bulkInsert(tx, 'bulk', COLUMNS, [['c', at, 3, null, null], rows[0]!]),
          ),
      ).rejects.toThrow();
      expect(await store.db.selectFrom('bulk').select('id').execute()).toHaveLength(2);

      // Outside a transaction it refuses.
      await expect(
        store.bulkInsert(store.db, 'bulk', COLUMNS, [['d', at, 4, null, null]]),
      ).rejects.toThrow(/transaction/);
    } finally {
      await store.close();
    }
  });
});
