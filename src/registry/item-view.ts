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
  /** When the read's purpose was denied for this item: the clauses of the denial. */
  readonly deniedBy?: readonly string[];
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
  /**
   * APPI Art. 34: how this version's value was corrected, beside the acquisition facts above
   * (kept from the first version); null on a first version.
   */
  readonly correction: ItemCorrection | null;
}

/** A correction's own provenance: when, by which channel, from whom, on which request. */
export interface ItemCorrection {
  readonly at: string;
  readonly channel: string;
  readonly source: string;
  readonly provider: string | null;
  readonly requestId: string | null;
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
    correction: correctionOf(row),
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

function correctionOf(row: Omit<RegistryTables['items'], 'value' | 'value_index'>) {
  if (row.corrected_at === null || row.corrected_at === undefined) return null;
  return {
    at: isoInstant(row.corrected_at),
    channel: row.corrected_channel ?? row.channel,
    source: row.corrected_source ?? row.source,
    provider: row.corrected_provider ?? null,
    requestId: row.corrected_request_id ?? null,
  };
}
