import type { BulkColumn } from '../store/index.ts';
import type { CustomerCipher, KeyService } from '../security/index.ts';
import type { PreparedItem } from './prepared-customer.ts';
import type { RegistryTables } from './registry-tables.ts';
import { itemContext } from './value-contexts.ts';

/** Where an item row comes from: who wrote it, when, and which item it is a version of. */
export interface ItemRowContext {
  readonly customerId: string;
  readonly cipher: CustomerCipher;
  readonly keys: KeyService;
  readonly now: number;
  readonly actor: string;
  /** The first version's id; the item's own id for a new item. */
  readonly originId?: string;
}

/** The columns of an item's row, in the order `itemRowValues` gives them (bulk inserts). */
export const ITEM_COLUMNS: readonly BulkColumn[] = [
  { name: 'id', type: 'text' },
  { name: 'origin_id', type: 'text' },
  { name: 'customer_id', type: 'text' },
  { name: 'category', type: 'text' },
  { name: 'value', type: 'bytes' },
  { name: 'value_index', type: 'bytes' },
  { name: 'channel', type: 'text' },
  { name: 'source', type: 'text' },
  { name: 'provider', type: 'text' },
  { name: 'acquired_at', type: 'bigint' },
  { name: 'service_id', type: 'text' },
  { name: 'survey', type: 'text' },
  { name: 'policy_version', type: 'text' },
  { name: 'created_at', type: 'bigint' },
  { name: 'created_by', type: 'text' },
  { name: 'superseded_at', type: 'bigint' },
  { name: 'superseded_by', type: 'text' },
];

/**
 * An item's row as values in `ITEM_COLUMNS` order: the value encrypted under the customer's key
 * (context `item:<id>`), a blind index for e-mail and phone, provenance (OBTAIN.CHANNEL,
 * OBTAIN.SOURCE) and the policy version at acquisition (PURPOSE.NOTIFIED). An array, not an
 * object, so the bulk path (`Store.bulkInsert`) builds no per-row object.
 */
export function itemRowValues(item: PreparedItem, c: ItemRowContext): unknown[] {
  const indexed = item.category === 'email' || item.category === 'phone';
  return [
    item.id,
    c.originId ?? item.id,
    c.customerId,
    item.category,
    c.cipher.encrypt(item.value, itemContext(item.id)),
    indexed ? c.keys.blindIndex(item.category as 'email' | 'phone', item.value) : null,
    item.channel,
    item.source,
    item.provider,
    item.acquiredAt,
    item.serviceId,
    item.survey,
    item.policyVersion,
    c.now,
    c.actor,
    null,
    null,
  ];
}

/** The same row as an object, for the query builder (one item at a time). */
export function itemRow(item: PreparedItem, c: ItemRowContext): RegistryTables['items'] {
  const values = itemRowValues(item, c);
  const row: Record<string, unknown> = {};
  ITEM_COLUMNS.forEach((column, i) => (row[column.name] = values[i]));
  return row as RegistryTables['items'];
}

/** OBTAIN.CALLS: the recording's metadata and retention end, when the item is one. */
export function recordingRow(item: PreparedItem): RegistryTables['call_recordings'] | undefined {
  if (item.recording === null) return undefined;
  return {
    item_id: item.id,
    metadata: JSON.stringify(item.recording.metadata),
    retention_end: item.recording.retentionEnd,
  };
}
