import type { RegistryDeps } from './registry-deps.ts';
import { HogoError } from '../errors/index.ts';
import { type Principal, authorize } from '../security/index.ts';
import { isoInstant } from './iso-instant.ts';
import { itemRow, recordingRow } from './item-rows.ts';
import { throwProblems } from './normalize/field-problems.ts';
import type { FieldProblem } from './normalize/invalid-field.ts';
import { prepareItem } from './prepare-item.ts';
import type { ItemInput, ItemUpdateInput } from './registry-input.ts';
import { registryDb } from './registry-tables.ts';
import { notFound, requireCustomer } from './require-customer.ts';

/** The versions an update links: the new current one, and the one it superseded. */
export interface UpdatedItem {
  readonly itemId: string;
  readonly supersedes: string;
}

/**
 * Gives an item a new value, never overwriting: a new row (same origin, provenance kept unless
 * given; acquired now unless `acquiredAt` says otherwise) and the old row marked superseded,
 * both in one transaction, audited as 'item.update'. 'registry.conflict' when the item was
 * already superseded (someone updated it first). Needs 'registry.write'.
 */
export async function updateItem(
  ctx: RegistryDeps,
  principal: Principal,
  input: { readonly itemId: string; readonly update: ItemUpdateInput },
): Promise<UpdatedItem> {
  authorize(principal, 'registry.write');
  return ctx.store.db.transaction().execute(async (tx) => {
    const db = registryDb(tx);
    const old = await db
      .selectFrom('items')
      .selectAll()
      .where('id', '=', input.itemId)
      .executeTakeFirst();
    if (old === undefined) throw notFound('item', 'itemId');
    await requireCustomer(tx, old.customer_id);
    if (old.superseded_by !== null) throw superseded(old.superseded_by);
    const recording = await db
      .selectFrom('call_recordings')
      .selectAll()
      .where('item_id', '=', old.id)
      .executeTakeFirst();
    const u = input.update;
    const now = ctx.clock();
    // OBTAIN.SOURCE: a new source brings its own provider; otherwise the old one stands.
    const provider =
      u.source !== undefined ? u.provider : (u.provider ?? old.provider ?? undefined);
    const merged = {
      category: old.category,
      value: u.value,
      channel: u.channel ?? old.channel,
      source: u.source ?? old.source,
      ...(provider !== undefined ? { provider } : {}),
      acquiredAt: u.acquiredAt ?? isoInstant(now),
      ...(old.survey !== null ? { survey: old.survey } : {}),
      ...(recording !== undefined
        ? {
            recording: {
              retentionEnd: isoInstant(recording.retention_end),
              ...(JSON.parse(recording.metadata) as object),
            },
          }
        : {}),
    } as ItemInput;
    const problems: FieldProblem[] = [];
    const prepared = prepareItem(ctx.policy, merged, '', [], problems);
    throwProblems(problems);
    const item = { ...prepared!, serviceId: old.service_id };
    const cipher = (await ctx.keys.ciphersFor(tx, [old.customer_id])).get(old.customer_id)!;
    const row = itemRow(item, {
      customerId: old.customer_id,
      cipher,
      keys: ctx.keys,
      now,
      actor: principal.id,
      originId: old.origin_id,
    });
    await db.insertInto('items').values(row).execute();
    const newRecording = recordingRow(item);
    if (newRecording !== undefined)
      await db.insertInto('call_recordings').values(newRecording).execute();
    // Guarded by superseded_at: of two concurrent updates, the second changes no row.
    const marked = await db
      .updateTable('items')
      .set({ superseded_at: now, superseded_by: row.id })
      .where('id', '=', old.id)
      .where('superseded_at', 'is', null)
      .executeTakeFirst();
    if (marked.numUpdatedRows !== 1n) throw superseded(null);
    await ctx.audit.append(tx, [
      {
        actor: principal.id,
        action: 'item.update',
        customerId: old.customer_id,
        itemIds: [old.id, row.id],
        detail: { category: row.category, supersedes: old.id },
      },
    ]);
    return { itemId: row.id, supersedes: old.id };
  });
}

function superseded(currentItemId: string | null): HogoError {
  return new HogoError('registry.conflict', 'the item was superseded; update its current version', {
    field: 'itemId',
    ...(currentItemId !== null ? { supersededBy: currentItemId } : {}),
  });
}
