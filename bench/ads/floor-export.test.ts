import { createSecretKey } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { demoCustomer } from '../../src/demo/demo-customer.ts';
import { normalizeAdValue } from '../../src/provision/ads/normalize-ad-value.ts';
import { randomPooled } from '../../src/security/keys/random-pool.ts';
import { openStore } from '../../src/store/open-store.ts';
import { floorInsert } from '../import/floor-insert.ts';
import { writeDemoCsv } from '../import/write-demo-csv.ts';
import { floorExport } from './floor-export.ts';

describe('the ads benchmark’s encrypted floor', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hogo-floor-export-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('opens every customer, writes the platform’s rows and a ledger row each', async () => {
    const csv = join(dir, 'customers.csv');
    await writeDemoCsv(csv, 120, 11);
    const store = await openStore({ url: join(dir, 'floor.sqlite') });
    const keys = { master: createSecretKey(randomPooled(32)), index: randomPooled(32) };
    try {
      await floorInsert(store, csv, 50, keys);
      const out = join(dir, 'audience.csv');
      const result = await floorExport(store, keys, 'google', out);
      expect(result.customers).toBe(120);
      const ledger = await sql<{ n: number }>`select count(*) as n from floor_ledger`.execute(
        store.db,
      );
      expect(Number(ledger.rows[0]!.n)).toBe(result.included);
      // The first customer's e-mail is in the file as Google hashes it.
      const email = demoCustomer(11, 0).row.email!;
      const hashed = normalizeAdValue('google', 'email', email);
      expect(hashed.ok && readFileSync(out, 'utf8').includes(hashed.output)).toBe(true);
      // A second export starts from an empty ledger.
      await floorExport(store, keys, 'google', join(dir, 'again.csv'));
      const again = await sql<{ n: number }>`select count(*) as n from floor_ledger`.execute(
        store.db,
      );
      expect(Number(again.rows[0]!.n)).toBe(result.included);
    } finally {
      await store.close();
    }
  });
});
