import type { ProvisionDeps } from './provision-deps.ts';
import { HogoError } from '../errors/index.ts';
import { visibleCustomerIds } from '../registry/index.ts';
import { authorize, type Principal } from '../security/index.ts';
import { provisionRecordView, type ProvisionRecordView } from './provision-record-view.ts';
import { ledgerQuery } from './ledger-query.ts';

/** The largest page of `searchProvisionRecords`. */
export const MAX_LEDGER_PAGE = 500;

/** What `searchProvisionRecords` is asked. */
export interface ProvisionRecordQuery {
  readonly customerId?: string;
  readonly recipientId?: string;
  /** Rows per page, 1–500; default 50. */
  readonly limit?: number;
  /** The `nextCursor` of the page before. */
  readonly cursor?: string;
}

/** A page of the ledger, and the cursor of the next page (null on the last). */
export interface ProvisionRecordPage {
  readonly records: readonly ProvisionRecordView[];
  readonly nextCursor: string | null;
}

// A cursor is the last row's position in the order: provided_at and id, newest first.
const CURSOR = /^(\d{1,16})\.([A-Za-z0-9-]{1,64})$/;

/**
 * The provision ledger (APPI Art. 29), newest first, by customer and/or recipient, a page at a
 * time (keyset paging: a page is as cheap at the millionth row as at the first), only rows of
 * customers within the principal's groups (SECURITY.6). The read is audited. Needs 'provision.read'.
 */
export async function searchProvisionRecords(
  ctx: ProvisionDeps,
  principal: Principal,
  query: ProvisionRecordQuery,
): Promise<ProvisionRecordPage> {
  authorize(principal, 'provision.read');
  const limit = query.limit ?? 50;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LEDGER_PAGE) {
    throw new HogoError('provision.invalid_limit', `limit must be 1–${MAX_LEDGER_PAGE}`, {
      field: 'limit',
    });
  }
  let after: { at: number; id: string } | undefined;
  if (query.cursor !== undefined) {
    const m = CURSOR.exec(query.cursor);
    if (m === null) {
      throw new HogoError('provision.invalid_cursor', 'not a cursor of this list', {
        field: 'cursor',
      });
    }
    after = { at: Number(m[1]), id: m[2]! };
  }
  return ctx.store.db.transaction().execute(async (tx) => {
    let q = ledgerQuery(tx);
    if (query.customerId !== undefined) {
      q = q.where('provision_records.customer_id', '=', query.customerId);
    }
    if (query.recipientId !== undefined) {
      q = q.where('provision_records.recipient_id', '=', query.recipientId);
    }
    if (after !== undefined) {
      const { at, id } = after;
      q = q.where((eb) =>
        eb.or([
          eb('provision_records.provided_at', '<', at),
          eb.and([
            eb('provision_records.provided_at', '=', at),
            eb('provision_records.id', '<', id),
          ]),
        ]),
      );
    }
    const rows = await q
      .orderBy('provision_records.provided_at', 'desc')
      .orderBy('provision_records.id', 'desc')
      .limit(limit + 1)
      .execute();
    const cut = rows.slice(0, limit);
    // SECURITY.6: rows of customers outside the principal's groups are left out, as if they
    // did not exist; a page may then hold fewer rows than its limit (the cursor still moves on
    // by the rows read).
    const visible = await visibleCustomerIds(
      tx,
      principal,
      cut.map((r) => r.customer_id),
    );
    const page = cut.filter((r) => visible.has(r.customer_id));
    await ctx.audit.append(tx, [
      {
        actor: principal.id,
        action: 'provision.records.read',
        customerId: query.customerId ?? null,
        detail: {
          recipientId: query.recipientId ?? null,
          count: page.length,
          paged: query.cursor !== undefined,
        },
      },
    ]);
    const last = cut[cut.length - 1];
    return {
      records: page.map(provisionRecordView),
      nextCursor:
        rows.length > limit && last !== undefined ? `${Number(last.provided_at)}.${last.id}` : null,
    };
  });
}
