import type { Kysely } from 'kysely';

/**
 * The registry's tables as Kysely sees them. Instants are epoch milliseconds, booleans 0/1,
 * bytes are the engine's bytes type (StoreCapabilities.bytesType).
 */
export type RegistryTables = {
  customers: {
    id: string;
    /** The customer's number in another system (billing, CRM); not a personal value. */
    external_id: string | null;
    /** PURPOSE: 'REG' registered customer, 'OTH' other person. */
    customer_group: string;
    created_at: number;
    /** A tombstone: the customer is invisible once set. */
    deleted_at: number | null;
  };
  subscriber_lines: {
    id: string;
    customer_id: string;
    /** HMAC of the E.164 number (KeyService.blindIndex 'phone'). */
    number_index: Uint8Array;
    /** AES-GCM of the E.164 number, context `line:<id>`. */
    number: Uint8Array;
    created_at: number;
    ended_at: number | null;
  };
  services: {
    id: string;
    customer_id: string;
    /** The service's identifier, as the policy file names services (PURPOSE.EXTRA). */
    name: string;
    started_at: number;
    ended_at: number | null;
    origin: string | null;
    /** SP.2022.TRANSITIONAL: 1 when transferred from NTT DOCOMO on 2022-07-01. */
    transferred_from_docomo: number;
    /** PROVIDE.CLAIMS: null, 'docomo' or 'ntt-finance'. */
    claims_assignee: string | null;
    created_at: number;
  };
  items: {
    id: string;
    /** The id of the first version: every version of one item shares it. */
    origin_id: string;
    customer_id: string;
    category: string;
    /** AES-GCM of the normalized value, context `item:<id>`. */
    value: Uint8Array;
    /** HMAC of the normalized value, for e-mail and phone items only. */
    value_index: Uint8Array | null;
    /** OBTAIN.CHANNEL */
    channel: string;
    /** OBTAIN.SOURCE: 'direct' | 'indirect', and who provided it when indirect. */
    source: string;
    provider: string | null;
    acquired_at: number;
    service_id: string | null;
    survey: string | null;
    /** PURPOSE.NOTIFIED: the policy version in force when the item was acquired. */
    policy_version: string | null;
    created_at: number;
    created_by: string;
    superseded_at: number | null;
    superseded_by: string | null;
    /**
     * A correction's own provenance (APPI Art. 34): when, by which channel, from whom and on
     * which request the value was corrected; null on a first version. The acquisition columns
     * above stay the first version's, so a correction never widens use.
     */
    corrected_at?: number | null;
    corrected_channel?: string | null;
    corrected_source?: string | null;
    corrected_provider?: string | null;
    corrected_request_id?: string | null;
  };
  call_recordings: {
    item_id: string;
    /** JSON without personal values: duration, direction, line. */
    metadata: string;
    /** OBTAIN.CALLS: the recording is kept until then. */
    retention_end: number;
  };
  family_links: {
    id: string;
    customer_id: string;
    relation: string;
    related_customer_id: string | null;
    /** AES-GCM of the relative's name when they are not a customer, context `family:<id>`. */
    name: Uint8Array | null;
    created_at: number;
    ended_at: number | null;
  };
  consents: {
    id: string;
    customer_id: string;
    purpose: string;
    at: number;
    withdrawn_at: number | null;
    created_at: number;
  };
  ad_opt_outs: {
    id: string;
    customer_id: string;
    at: number;
    withdrawn_at: number | null;
    created_at: number;
  };
  suspensions: {
    id: string;
    customer_id: string;
    /** 'use' | 'provision' (REQUEST.SUSPEND_USE, REQUEST.SUSPEND_PROVISION). */
    kind: string;
    /** JSON array of purpose IDs, or null for every purpose law allows to suspend. */
    purposes: string | null;
    from_at: number;
    until_at: number | null;
    created_at: number;
  };
};

/** The store's database seen through the registry's tables (typed queries). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const registryDb = (db: Kysely<any>): Kysely<RegistryTables> => db as Kysely<RegistryTables>;
