import type { CustomerCipher, KeyService } from '../security/keys/key-service.ts';
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

/**
 * An item's row: the value encrypted under the customer's key (context `item:<id>`), a blind
 * index for e-mail and phone, provenance (OBTAIN.CHANNEL, OBTAIN.SOURCE) and the policy
 * version at acquisition (PURPOSE.NOTIFIED).
 */
export function itemRow(item: PreparedItem, c: ItemRowContext): RegistryTables['items'] {
  const indexed = item.category === 'email' || item.category === 'phone';
  return {
    id: item.id,
    origin_id: c.originId ?? item.id,
    customer_id: c.customerId,
    category: item.category,
    value: c.cipher.encrypt(item.value, itemContext(item.id)),
    value_index: indexed ? c.keys.blindIndex(item.category as 'email' | 'phone', item.value) : null,
    channel: item.channel,
    source: item.source,
    provider: item.provider,
    acquired_at: item.acquiredAt,
    service_id: item.serviceId,
    survey: item.survey,
    policy_version: item.policyVersion,
    created_at: c.now,
    created_by: c.actor,
    superseded_at: null,
    superseded_by: null,
  };
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
