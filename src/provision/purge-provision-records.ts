import type { ProvisionDeps } from './provision-deps.ts';
import { authorize } from '../registry/index.ts';
import type { Principal } from '../security/index.ts';
import { provisionDb } from './provision-tables.ts';

/** What a purge found (and, unless a dry run, deleted). */
export interface PurgeReport {
  readonly dryRun: boolean;
  readonly due: number;
  readonly deleted: number;
}

/**
 * APPI Art. 29(2), Rule 21: deletes the provision records whose retention has ended (and only
 * those); a dry run counts them. The purge, even a dry run, is audited with its counts.
 * Needs 'provision.manage'.
 */
export async function purgeProvisionRecords(
  ctx: ProvisionDeps,
  principal: Principal,
  options: { readonly dryRun?: boolean } = {},
): Promise<PurgeReport> {
  authorize(principal, 'provision.manage');
  const dryRun = options.dryRun === true;
  return ctx.store.db.transaction().execute(async (tx) => {
    const now = ctx.clock();
    const db = provisionDb(tx);
    const { n } = await db
      .selectFrom('provision_records')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('retention_end', '<=', now)
      .executeTakeFirstOrThrow();
    const due = Number(n);
    let deleted = 0;
    if (!dryRun && due > 0) {
      const r = await db
        .deleteFrom('provision_records')
        .where('retention_end', '<=', now)
        .executeTakeFirst();
      deleted = Number(r.numDeletedRows);
    }
    await ctx.audit.append(tx, [
      {
        actor: principal.id,
        action: 'provision.purge',
        detail: { dryRun, due, deleted, before: now },
      },
    ]);
    return { dryRun, due, deleted };
  });
}
