import type { ProvisionDeps } from './provision-deps.ts';
import { HogoError } from '../errors/index.ts';
import { authorize } from '../registry/index.ts';
import type { Principal } from '../security/index.ts';
import type { AdExportReceipt } from './ad-export-receipt.ts';
import { provisionDb } from './provision-tables.ts';

/** The receipt of an ad export, with when its files were deleted; 'ads.not_found'. Needs 'provision.read'. */
export async function readAdExport(
  ctx: ProvisionDeps,
  principal: Principal,
  exportId: string,
): Promise<AdExportReceipt> {
  authorize(principal, 'provision.read');
  const row = await provisionDb(ctx.store.db)
    .selectFrom('ad_exports')
    .select(['receipt', 'deleted_at'])
    .where('id', '=', exportId)
    .executeTakeFirst();
  if (row === undefined) {
    throw new HogoError('ads.not_found', 'no such export', { field: 'exportId' });
  }
  const receipt = JSON.parse(row.receipt) as AdExportReceipt;
  return {
    ...receipt,
    deletedAt: row.deleted_at === null ? null : new Date(row.deleted_at).toISOString(),
  };
}
