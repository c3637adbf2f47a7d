import { bundledPolicy } from '../policy/test-support.ts';
import { createAuditLog } from '../security/audit/create-audit-log.ts';
import { createKeyService } from '../security/keys/create-key-service.ts';
import { testClock, testKeyring } from '../security/test-support.ts';
import { migrateToLatest } from '../store/migrate.ts';
import type { Store, StoreMigration } from '../store/store.ts';
import type { TestEngine } from '../store/test-engines.ts';
import type { AppContext } from './app-context.ts';
import { allMigrations } from './migrations.ts';

/** An application context for tests: a fresh store of the engine, migrated, real keys and audit. */
export async function openAppTestContext(
  engine: TestEngine,
  options: {
    readonly migrations?: Readonly<Record<string, StoreMigration>>;
    readonly now?: number;
  } = {},
): Promise<
  AppContext & {
    readonly store: Store;
    readonly clock: ReturnType<typeof testClock>;
    close(): Promise<void>;
  }
> {
  const store = await engine.open();
  await migrateToLatest(store, options.migrations ?? allMigrations);
  const clock = testClock(options.now ?? Date.parse('2026-01-10T00:00:00Z'));
  return {
    store,
    policy: bundledPolicy(),
    keys: await createKeyService(store, testKeyring(), { clock }),
    audit: createAuditLog(store, { clock }),
    clock,
    close: () => store.close(),
  };
}
