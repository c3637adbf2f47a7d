/** Retention duties, legal holds and the scheduled purge (RETAIN): what other slices may call. */
export { customerRetention, type CustomerRetentionView } from './customer-retention.ts';
export { HOLD_REASONS, HoldInput } from './hold-input.ts';
export type { HoldView } from './hold-view.ts';
export { keptSummary, type KeptGround } from './kept-summary.ts';
export { listHolds } from './list-holds.ts';
export { placeHold } from './place-hold.ts';
export { planDeletion, type DeletionPlan } from './plan-deletion.ts';
export { purgeRetention, type RetentionPurgeReport } from './purge-retention.ts';
export { releaseHold } from './release-hold.ts';
export type { RetentionContext } from './retention-context.ts';
export { retentionMigrations } from './retention-migrations.ts';
export { registerRetentionRoutes } from './retention-routes.ts';
