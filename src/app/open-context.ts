import { loadConfig, appSettings } from '../config/index.ts';
import { mailSettings } from '../notices/index.ts';
import { loadPolicyFile } from '../policy/index.ts';
import { verificationLimits } from '../requests/index.ts';
import {
  createAuditLog,
  createKeyService,
  type KeyFileOptions,
  loadKeyring,
} from '../security/index.ts';
import { migrateToLatest, type MigrationReport, openStore, type Store } from '../store/index.ts';
import type { AppContext } from './app-context.ts';
import { allMigrations, keyedMigrations } from './migrations.ts';

/** Options of `openContext`. */
export interface OpenContextOptions {
  readonly env: NodeJS.ProcessEnv;
  /** The policy file; default HOGO_POLICY or the bundled policy. */
  readonly policyPath?: string;
  readonly clock?: () => number;
  /** Where key-file warnings go (stderr by default). */
  readonly warn?: KeyFileOptions['warn'];
  /** Open this store instead of the one the environment names (tests). */
  readonly store?: Store;
}

/** An application context that owns its store: close it when done. */
export interface OpenedContext extends AppContext {
  /** What migrating on start applied. */
  readonly migrations: MigrationReport;
  close(): Promise<void>;
}

/**
 * The composition root: opens the store (PostgreSQL from HOGO_DATABASE_URL, else SQLite in
 * HOGO_DATA_DIR, created on first start), runs every slice's migrations, loads the master
 * keys, the audit log and the policy, then runs the steps that need the keys. Nothing here is a module singleton.
 */
export async function openContext(options: OpenContextOptions): Promise<OpenedContext> {
  const { env } = options;
  const settings = appSettings(env);
  const mail = mailSettings(env);
  const limits = verificationLimits(env);
  const clock = options.clock ?? Date.now;
  // The policy and keys are checked before the database is touched: a bad file fails fast.
  const policy = loadPolicyFile(options.policyPath ?? loadConfig(env).policyPath);
  const keyring = loadKeyring(env, settings.dataDir, options.warn ? { warn: options.warn } : {});
  const store = options.store ?? (await openStore({ url: settings.databaseUrl }));
  try {
    const schema = await migrateToLatest(store, allMigrations);
    const keys = await createKeyService(store, keyring, { clock });
    const audit = createAuditLog(store, { clock });
    const keyed = await migrateToLatest(store, keyedMigrations(keys, audit));
    const migrations = { applied: [...schema.applied, ...keyed.applied] };
    return {
      store,
      policy,
      keys,
      audit,
      clock,
      mail,
      verificationLimits: limits,
      migrations,
      close: () => store.close(),
    };
  } catch (e) {
    await store.close();
    throw e;
  }
}
