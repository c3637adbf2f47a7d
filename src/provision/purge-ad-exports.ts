import { rm } from 'node:fs/promises';
import type { ProvisionDeps } from './provision-deps.ts';
import { authorize } from '../registry/index.ts';
import type { Principal } from '../security/index.ts';
import { provisionDb } from './provision-tables.ts';
import { withdrawFromAdExports } from './withdraw-from-ad-exports.ts';

/** What `purgeAdExports` deleted: export ids and file counts, no content. */
export interface AdPurgeReport {
  readonly exportIds: readonly string[];
  readonly files: number;
}

/**
 * ADS.DELETE_AFTER_MATCH: deletes the files of every export whose expiry has passed (and only
 * those), marks the export deleted and audits the deletion. The receipt and the ledger stay.
 * Needs 'provision.export'.
 */
export async function purgeAdExports(
  ctx: ProvisionDeps,
  principal: Principal,
): Promise<AdPurgeReport> {
  authorize(principal, 'provision.export');
  const now = ctx.clock();
  return ctx.store.db.transaction().execute(async (tx) => {
    // Erasures, suspensions of provision and opt-outs reach the files still held first.
    await withdrawFromAdExports(ctx, tx, principal, now);
    const db = provisionDb(tx);
    const due = await db
      .selectFrom('ad_exports')
      .select(['id', 'files'])
      .where('expires_at', '<=', now)
      .where('deleted_at', 'is', null)
      .orderBy('id')
      .execute();
    let files = 0;
    for (const row of due) {
      for (const path of JSON.parse(row.files) as string[]) {
        await rm(path, { force: true });
        files++;
      }
    }
    if (due.length > 0) {
      await db
        .updateTable('ad_exports')
        .set({ deleted_at: now })
        .where(
          'id',
          'in',
          due.map((r) => r.id),
        )
        .execute();
    }
    const exportIds = due.map((r) => r.id);
    await ctx.audit.append(tx, [
      {
        actor: principal.id,
        action: 'ads.purge',
        clauses: ['ADS.DELETE_AFTER_MATCH'],
        detail: { exportIds, files },
      },
    ]);
    return { exportIds, files };
  });
}
