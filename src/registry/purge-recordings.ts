import type { RegistryDeps } from './registry-deps.ts';
import { type AuditEvent, type Principal, authorize } from '../security/index.ts';
import { registryDb } from './registry-tables.ts';

/** What a purge of call recordings found (and, unless a dry run, deleted). */
export interface RecordingPurgeReport {
  readonly dryRun: boolean;
  readonly due: number;
  readonly deleted: number;
}

/**
 * OBTAIN.CALLS: deletes the call recordings whose retention period has ended — the recording's
 * row and its item (encrypted reference, provenance) — and only those; a dry run counts them.
 * Audited: one 'recording.purge' entry with the counts, and one per customer naming the items
 * deleted. Needs 'registry.write'.
 */
export async function purgeExpiredRecordings(
  ctx: RegistryDeps,
  principal: Principal,
  options: { readonly dryRun?: boolean } = {},
): Promise<RecordingPurgeReport> {
  authorize(principal, 'registry.write');
  const dryRun = options.dryRun === true;
  return ctx.store.db.transaction().execute(async (tx) => {
    const now = ctx.clock();
    const db = registryDb(tx);
    const due = await db
      .selectFrom('call_recordings')
      .innerJoin('items', 'items.id', 'call_recordings.item_id')
      .select(['items.id', 'items.customer_id'])
      .where('call_recordings.retention_end', '<=', now)
      .orderBy('items.customer_id')
      .orderBy('items.id')
      .execute();
    const events: AuditEvent[] = [];
    if (!dryRun && due.length > 0) {
      const ids = due.map((r) => r.id);
      const chunk = Math.max(1, ctx.store.capabilities.maxParameters - 10);
      for (let i = 0; i < ids.length; i += chunk) {
        const part = ids.slice(i, i + chunk);
        await db.deleteFrom('call_recordings').where('item_id', 'in', part).execute();
        await db.deleteFrom('items').where('id', 'in', part).execute();
      }
      const byCustomer = new Map<string, string[]>();
      for (const r of due)
        byCustomer.set(r.customer_id, [...(byCustomer.get(r.customer_id) ?? []), r.id]);
      for (const [customerId, itemIds] of byCustomer) {
        events.push({
          actor: principal.id,
          action: 'recording.delete',
          customerId,
          itemIds,
          clauses: ['OBTAIN.CALLS'],
        });
      }
    }
    events.push({
      actor: principal.id,
      action: 'recording.purge',
      clauses: ['OBTAIN.CALLS'],
      detail: { dryRun, due: due.length, deleted: dryRun ? 0 : due.length, before: now },
    });
    await ctx.audit.append(tx, events);
    return { dryRun, due: due.length, deleted: dryRun ? 0 : due.length };
  });
}
