import { isoInstant, isoOrNull } from './iso-instant.ts';
import type { RegistryTables } from './registry-tables.ts';

/**
 * An item on the wire: provenance always; `value` only when the reader may see it (else
 * `valueWithheld: true`).
 */
export interface ItemView {
  readonly id: string;
  readonly originId: string;
  readonly category: string;
  readonly value?: string;
  readonly valueWithheld?: true;
  readonly channel: string;
  readonly source: string;
  readonly provider: string | null;
  readonly acquiredAt: string;
  readonly serviceId: string | null;
  readonly survey: string | null;
  readonly policyVersion: string | null;
  readonly createdAt: string;
  readonly createdBy: string;
  readonly supersededAt: string | null;
  readonly supersededBy: string | null;
  readonly recording?: { readonly retentionEnd: string; readonly metadata: unknown };
}

/** The view of an item row, with its decrypted value when one is given. */
export function itemView(
  row: Omit<RegistryTables['items'], 'value' | 'value_index'>,
  value: string | undefined,
  recording?: RegistryTables['call_recordings'],
): ItemView {
  return {
    id: row.id,
    originId: row.origin_id,
    category: row.category,
    ...(value !== undefined ? { value } : { valueWithheld: true as const }),
    channel: row.channel,
    source: row.source,
    provider: row.provider,
    acquiredAt: isoInstant(row.acquired_at),
    serviceId: row.service_id,
    survey: row.survey,
    policyVersion: row.policy_version,
    createdAt: isoInstant(row.created_at),
    createdBy: row.created_by,
    supersededAt: isoOrNull(row.superseded_at),
    supersededBy: row.superseded_by,
    ...(recording !== undefined
      ? {
          recording: {
            retentionEnd: isoInstant(recording.retention_end),
            metadata: JSON.parse(recording.metadata) as unknown,
          },
        }
      : {}),
  };
}
