import { provisionMigrations } from '../provision/index.ts';
import { intakeMigrations } from '../intake/index.ts';
import { noticeMigrations } from '../notices/index.ts';
import { registryMigrations } from '../registry/index.ts';
import { requestMigrations, requestKeyedMigrations } from '../requests/index.ts';
import { type AuditLog, type KeyService, securityMigrations } from '../security/index.ts';
import type { StoreMigration } from '../store/index.ts';
import { retentionMigrations } from '../retention/index.ts';
import { incidentMigrations } from '../incidents/index.ts';
import { anonymizeMigrations } from '../anonymize/index.ts';
import { governanceMigrations } from '../governance/index.ts';
// Each slice adds one import here and one spread below; names (NNNN-slice-what) keep the order.

/** Every slice's migrations, run on start by `openContext` and by `hogo db migrate`. */
export const allMigrations: Readonly<Record<string, StoreMigration>> = {
  ...securityMigrations,
  ...registryMigrations,
  ...intakeMigrations,
  ...provisionMigrations,
  ...requestMigrations,
  ...noticeMigrations,
  ...retentionMigrations,
  ...incidentMigrations,
  ...anonymizeMigrations,
  ...governanceMigrations,
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
