import { provisionMigrations } from '../provision/provision-migrations.ts';
import { intakeMigrations } from '../intake/intake-migrations.ts';
import { incidentMigrations } from '../incidents/index.ts';
import { noticeMigrations } from '../notices/notice-migrations.ts';
import { registryMigrations } from '../registry/registry-migrations.ts';
import { requestMigrations } from '../requests/request-migrations.ts';
import { requestKeyedMigrations } from '../requests/seal-plain-texts.ts';
import type { AuditLog } from '../security/audit-log.ts';
import type { KeyService } from '../security/keys/key-service.ts';
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
  ...incidentMigrations,
};

/**
 * Steps that rewrite stored data under the keys (sealing what an older version kept plain), run
 * by `openContext` after `allMigrations`, recorded in the same table, each once.
 */
export function keyedMigrations(
  keys: KeyService,
  audit: AuditLog,
): Readonly<Record<string, StoreMigration>> {
  return { ...requestKeyedMigrations(keys, audit) };
}
