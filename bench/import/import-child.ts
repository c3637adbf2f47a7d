import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { openContext } from '../../src/app/open-context.ts';
import { cliPrincipal } from '../../src/cli/cli-principal.ts';
import { importBatchSize } from '../../src/intake/import-batch-size.ts';
import { importFile } from '../../src/intake/import-file.ts';
import { openStore } from '../../src/store/open-store.ts';
import type { Store } from '../../src/store/store.ts';
import { floorInsert } from './floor-insert.ts';
import { plainInsert } from './plain-insert.ts';

/**
 * One measured import in a process of its own (so its peak RSS is its own): `hogo` imports the
 * file into a fresh database with encryption; `limit` inserts the same rows plainly; `floor` does
 * the least an encrypted import must (floor-insert.ts). Prints
 * `{"rows":…,"ms":…,"maxRssMb":…}` on its last line.
 */
const [engine, mode, file, url] = process.argv.slice(2) as [
  string,
  'hogo' | 'limit' | 'floor',
  string,
  string,
];
const dir = mkdtempSync(join(tmpdir(), 'hogo-bench-import-'));
const schema = `bench_import_${process.pid}_${Date.now().toString(36)}`;

async function open(): Promise<Store> {
  return engine === 'postgres'
    ? openStore({ url, schema, poolSize: 2 })
    : openStore({ url: join(dir, 'hogo.sqlite') });
}

const store = await open();
let rows = 0;
let ms = 0;
try {
  if (mode === 'hogo') {
    const ctx = await openContext({
      env: { HOGO_DATA_DIR: dir, HOGO_MASTER_KEY: randomBytes(32).toString('base64') },
      store,
      warn: () => {},
    });
    const started = performance.now();
    const summary = await importFile(ctx, cliPrincipal('bench'), { path: file, format: 'csv' });
    ms = performance.now() - started;
    rows = summary.imported;
  } else {
    const insert = mode === 'floor' ? floorInsert : plainInsert;
    const started = performance.now();
    rows = await insert(store, file, importBatchSize(store.capabilities));
    ms = performance.now() - started;
  }
} finally {
  if (engine === 'postgres')
    await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(store.db);
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}
const maxRssMb = process.resourceUsage().maxRSS / 1024;
console.log(JSON.stringify({ rows, ms, maxRssMb }));
