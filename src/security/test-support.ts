import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppContext } from '../app/app-context.ts';
import { bundledPolicy } from '../policy/test-support.ts';
import { migrateToLatest } from '../store/migrate.ts';
import type { Store } from '../store/store.ts';
import type { TestEngine } from '../store/test-engines.ts';
import { createAuditLog } from './audit/create-audit-log.ts';
import { createKeyService } from './keys/create-key-service.ts';
import { masterKey, staticKeyring, type MasterKeyring } from './keys/master-keyring.ts';
import { securityMigrations } from './security-migrations.ts';
import { governanceMigrations } from '../governance/governance-migrations.ts';

/** A fresh store of the engine with the security tables. */
export async function openSecurityStore(engine: TestEngine): Promise<Store> {
  const store = await engine.open();
  await migrateToLatest(store, securityMigrations);
  return store;
}

/** A keyring of one random master key (version 1), as the environment would give. */
export function testKeyring(): MasterKeyring {
  return staticKeyring([masterKey(1, randomBytes(32))]);
}

/** A fresh temporary directory. */
export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'hogo-security-'));
}

/** A fixed clock that tests move by hand. */
export function testClock(start = Date.parse('2025-04-01T00:00:00Z')) {
  let now = start;
  const clock = () => now;
  clock.advance = (ms: number) => {
    now += ms;
  };
  return clock;
}

/** A test application context on a fresh store of the engine: security tables, keys, audit. */
export async function openTestContext(
  engine: TestEngine,
): Promise<AppContext & { clock: ReturnType<typeof testClock>; close(): Promise<void> }> {
  const store = await openSecurityStore(engine);
  // The app's training gate (SECURITY.4) reads the governance slice's completions.
  await migrateToLatest(store, { ...securityMigrations, ...governanceMigrations });
  const clock = testClock();
  return {
    store,
    policy: bundledPolicy(),
    keys: await createKeyService(store, testKeyring(), { clock }),
    audit: createAuditLog(store, { clock }),
    clock,
    close: () => store.close(),
  };
}
