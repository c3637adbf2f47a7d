import type { Store } from '../store/index.ts';
import { intakeMigrations } from './intake-migrations.ts';

/**
 * Creates the intake tables when missing. Until `intakeMigrations` is listed in
 * src/app/migrations.ts, `openContext` does not run it; the step is idempotent, so running it
 * here as well is harmless once it is.
 */
export async function ensureIntakeSchema(store: Store): Promise<void> {
  for (const step of Object.values(intakeMigrations)) await step.up(store.db, store.capabilities);
}
