import { provisionMigrations } from '../provision/provision-migrations.ts';
import { intakeMigrations } from '../intake/intake-migrations.ts';
import { noticeMigrations } from '../notices/notice-migrations.ts';
import { registryMigrations } from '../registry/registry-migrations.ts';
import { requestMigrations } from '../requests/request-migrations.ts';
import { securityMigrations } from '../security/security-migrations.ts';
import type { StoreMigration } from '../store/store.ts';
// Each slice adds one import here and one spread below; names (NNNN-slice-what) keep the order.

/** Every slice's migrations, run on start by `openContext` and by `hogo db migrate`. */
export const allMigrations: Readonly<Record<string, StoreMigration>> = {
  ...securityMigrations,
  ...registryMigrations,
  ...intakeMigrations,
  ...provisionMigrations,
  ...requestMigrations,
  ...noticeMigrations,
};
