import type { ProvisionDeps } from './provision-deps.ts';
import { HogoError } from '../errors/index.ts';
import { authorize } from '../registry/index.ts';
import type { Principal } from '../security/index.ts';
import type { AdExportReceipt } from './ad-export-receipt.ts';
import { provisionDb } from './provision-tables.ts';

/** The largest page of `listAdExports`. */
export const MAX_AD_EXPORT_PAGE = 200;

/** What `listAdExports` is asked. */
export interface AdExportQuery {
  /** Exports per page, 1–200; default 50. */
  readonly limit?: number;
  /** The `nextCursor` of the page before. */
  readonly cursor?: string;
}

/** A page of ad exports' receipts, newest first, and the cursor of the next page (null on the last). */
export interface AdExportPage {
  readonly exports: readonly AdExportReceipt[];
  readonly nextCursor: string | null;
}

// A cursor is the last row's position in the order: created_at and id, newest first.
const CURSOR = /^(\d{1,16})\.([A-Za-z0-9-]{1,64})$/;

/**
 * The receipts of ad exports (§8 ADS), newest first, a page at a time, each with when its files
 * were deleted (ADS.DELETE_AFTER_MATCH). Counts and ids only, like a single receipt. Needs
 * 'provision.read'.
 */
export async function listAdExports(
  ctx: ProvisionDeps,
  principal: Principal,
  query: AdExportQuery = {},
): Promise<AdExportPage> {
  authorize(principal, 'provision.read');
  const limit = query.limit ?? 50;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_AD_EXPORT_PAGE) {
    throw new HogoError('ads.invalid_limit', `limit must be 1–${MAX_AD_EXPORT_PAGE}`, {
      field: 'limit',
    });
  }
  let q = provisionDb(ctx.store.db)
    .selectFrom('ad_exports')
    .select(['id', 'created_at', 'receipt', 'deleted_at']);
  if (query.cursor !== undefined) {
    const m = CURSOR.exec(query.cursor);
    if (m === null) {
      throw new HogoError('ads.invalid_cursor', 'not a cursor of this list', { field: 'cursor' });
    }
    const at = Number(m[1]);
    const id = m[2]!;
    q = q.where((eb) =>
      eb.or([eb('created_at', '<', at), eb.and([eb('created_at', '=', at), eb('id', '<', id)])]),
    );
  }
  const rows = await q
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    exports: page.map((row) => ({
      ...(JSON.parse(row.receipt) as AdExportReceipt),
      deletedAt: row.deleted_at === null ? null : new Date(Number(row.deleted_at)).toISOString(),
    })),
    nextCursor:
      rows.length > limit && last !== undefined ? `${Number(last.created_at)}.${last.id}` : null,
  };
}
