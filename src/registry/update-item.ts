import type { RegistryDeps } from './registry-deps.ts';
import { HogoError } from '../errors/index.ts';
import { type Principal, authorize } from '../security/index.ts';
import { isoInstant } from './iso-instant.ts';
import { itemRow, recordingRow } from './item-rows.ts';
import { throwProblems } from './normalize/field-problems.ts';
import type { FieldProblem } from './normalize/invalid-field.ts';
import { prepareItem } from './prepare-item.ts';
import type { ItemInput, ItemUpdateInput } from './registry-input.ts';
import { registryDb, type RegistryTables } from './registry-tables.ts';
import { notFound, requireCustomer } from './require-customer.ts';

/** The versions an update links: the new current one, and the one it superseded. */
export interface UpdatedItem {
  readonly itemId: string;
  readonly supersedes: string;
}

/**
 * Corrects an item's value, never overwriting: a new row and the old one marked superseded,
 * in one transaction, audited as 'item.update'. A correction never widens use (APPI Art. 17,
 * 18, 34; PURPOSE.NOTIFIED): the new version keeps the first version's acquisition facts
 * (acquired at, policy version notified, service, channel, source, provider), which decide
 * its purposes; what the update says of channel, source, provider and time (default: the
 * old channel, the customer, now) and the request that caused it are recorded beside them as
 * the correction's provenance. 'registry.conflict' when the item was already superseded.
 * Needs 'registry.write'.
 */
export async function updateItem(
  ctx: RegistryDeps,
  principal: Principal,
  input: {
    readonly itemId: string;
    readonly update: ItemUpdateInput;
    /** The customer's request (APPI Art. 34) the correction fulfils, when one did. */
    readonly requestId?: string;
  },
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
    await requireCustomer(tx, old.customer_id, principal);
    if (old.superseded_by !== null) throw superseded(old.superseded_by);
    const recording = await db
      .selectFrom('call_recordings')
      .selectAll()
      .where('item_id', '=', old.id)
      .executeTakeFirst();
    const u = input.update;
    const now = ctx.clock();
    // The correction's provenance, checked like an acquisition's (OBTAIN.CHANNEL, .SOURCE):
    // by default the customer themself ('direct') corrected it now, by the old channel.
    const merged = {
      category: old.category,
      value: u.value,
      channel: u.channel ?? old.channel,
      source: u.source ?? 'direct',
      ...(u.provider !== undefined ? { provider: u.provider } : {}),
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
    const prepared = prepareItem(ctx.policy, merged, '', [], problems, ctx.clock());
    throwProblems(problems);
    const item = { ...prepared!, serviceId: old.service_id };
    const cipher = (await ctx.keys.ciphersFor(tx, [old.customer_id])).get(old.customer_id)!;
    const row = {
      ...itemRow(item, {
        customerId: old.customer_id,
        cipher,
        keys: ctx.keys,
        now,
        actor: principal.id,
        originId: old.origin_id,
      }),
      ...acquisitionOf(old),
      corrected_at: item.acquiredAt,
      corrected_channel: item.channel,
      corrected_source: item.source,
      corrected_provider: item.provider,
      corrected_request_id: input.requestId ?? null,
    };
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
        detail: {
          category: row.category,
          supersedes: old.id,
          ...(input.requestId !== undefined ? { requestId: input.requestId } : {}),
        },
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

/**
 * The facts that decide an item's purposes, as its first version had them: a later version
 * carries them on unchanged, so no correction makes a denied purpose permitted.
 */
function acquisitionOf(old: RegistryTables['items']) {
  return {
    acquired_at: old.acquired_at,
    policy_version: old.policy_version,
    service_id: old.service_id,
    channel: old.channel,
    source: old.source,
    provider: old.provider,
  };
}
