/** The store slice: what other slices and the adapters may call. */
export { joinTransaction } from './join-transaction.ts';
export { type MigrationReport, migrateToLatest } from './migrate.ts';
export { openStore } from './open-store.ts';
export { isUniqueViolation } from './unique-violation.ts';
export {
  type BulkColumn,
  type Store,
  type StoreCapabilities,
  type StoreMigration,
} from './store.ts';
