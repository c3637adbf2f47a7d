import type { ExpressionBuilder } from 'kysely';
import type { RegistryTables } from './registry-tables.ts';

/**
 * OBTAIN.CALLS: an item that is a call recording whose retention period has ended by `now` is
 * no longer kept for any use: a condition for queries over `items` that leaves such items out
 * until `purgeExpiredRecordings` deletes them.
 */
export function notExpiredRecording(now: number) {
  return (eb: ExpressionBuilder<RegistryTables, 'items'>) =>
    eb.not(
      eb.exists(
        eb
          .selectFrom('call_recordings')
          .select('call_recordings.item_id')
          .whereRef('call_recordings.item_id', '=', 'items.id')
          .where('call_recordings.retention_end', '<=', now),
      ),
    );
}
