import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { openStore } from './open-store.ts';
import type { Store } from './store.ts';

/** The PostgreSQL the tests use (this machine runs one with trust auth and a database `test`). */
export const TEST_POSTGRES_URL =
  process.env.HOGO_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** An engine every store test runs on; `open` gives a fresh, empty, isolated store. */
export interface TestEngine {
  readonly name: 'sqlite' | 'postgres';
  open(): Promise<Store>;
}

let counter = 0;

/** Every engine: one store test suite runs on each (`describe.each(ENGINES)`). */
export const ENGINES: readonly TestEngine[] = [
  {
    name: 'sqlite',
    async open() {
      const dir = mkdtempSync(join(tmpdir(), 'hogo-test-'));
      const store = await openStore({ url: join(dir, 'hogo.sqlite') });
      return {
        ...store,
        close: async () => {
          await store.close();
          rmSync(dir, { recursive: true, force: true });
        },
      };
    },
  },
  {
    name: 'postgres',
    async open() {
      // Random bytes too: test runs in other containers (same pid, same millisecond) share this
      // PostgreSQL, and one's cleanup must never drop another's schema.
      const schema = `t_${process.pid}_${Date.now().toString(36)}_${counter++}_${randomBytes(4).toString('hex')}`;
      const store = await openStore({ url: TEST_POSTGRES_URL, schema, poolSize: 4 });
      return {
        ...store,
        close: async () => {
          await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(store.db);
          await store.close();
        },
      };
    },
  },
];
