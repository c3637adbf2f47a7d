import type { Kysely } from 'kysely';

/**
 * The provision slice's tables as Kysely sees them. Instants are epoch milliseconds, booleans
 * 0/1, lists JSON text. No personal value is stored here: customers and items by id only.
 */
export type ProvisionTables = {
  provision_recipients: {
    id: string;
    /** subcontractor | claimsCollector | authority | adPlatform | jointUser */
    kind: string;
    /** APPI Art. 29 / Rule 20: the recipient's name, address and representative. */
    legal_name: string;
    address: string | null;
    representative: string | null;
    /** ISO 3166-1 alpha-2; SECURITY.7 and Art. 28: where the data goes. */
    country: string;
    /** SECURITY.7: what is known of that country's protection regime. */
    protection_regime: string | null;
    /** Rule 19(2): the contract serves as the record (1 year after the last provision). */
    record_by_contract: number;
    created_at: number;
    updated_at: number;
  };
  recipient_diligence: {
    id: string;
    recipient_id: string;
    /** PROVIDE.DUE_DILIGENCE: the agreement in force. */
    agreement_reference: string;
    /** JSON array of the protective measures verified. */
    measures: string;
    verified_at: number;
    expires_at: number;
    verified_by: string;
    created_at: number;
  };
  provision_records: {
    id: string;
    /** The provision (or ad export) the row belongs to. */
    provision_id: string;
    customer_id: string;
    recipient_id: string;
    provided_at: number;
    /** JSON array of item categories provided. */
    item_categories: string;
    /** JSON array of the item ids provided. */
    item_ids: string;
    /** The clause the provision rests on (PROVIDE.CLAIMS, ADS, …). */
    clause: string;
    /** The consent or the ground (a purpose ID, 'consent', a legal basis). */
    ground: string;
    purpose: string;
    legal_basis: string | null;
    document_reference: string | null;
    /** 1 when APPI Art. 29 requires the record; 0 when only the policy (§5) does. */
    statutory: number;
    /** Art. 29(2), Rule 21: the row may be deleted from then on. */
    retention_end: number;
    created_by: string;
    /** Rule 20: the recipient's name, address, representative and country at the provision. */
    recipient_name: string | null;
    recipient_address: string | null;
    recipient_representative: string | null;
    recipient_country: string | null;
    /** PROVIDE.AUTHORITY: the policy's legal ground (Art. 27(1)(i)); null for other provisions. */
    legal_ground: string | null;
    /** PROVIDE.AUTHORITY: who approved it, never the one who asked for it (four eyes). */
    approved_by: string | null;
  };
  /**
   * PROVIDE.AUTHORITY: provisions required by law, asked for by one principal and carried out
   * only when another approves (SECURITY.3). Ids only; no personal value.
   */
  legal_provision_requests: {
    id: string;
    recipient_id: string;
    /** JSON arrays: the customers, and the categories or items asked for. */
    customer_ids: string;
    item_categories: string | null;
    item_ids: string | null;
    legal_ground: string;
    legal_basis: string;
    document_reference: string;
    /** awaitingApproval | approved | rejected */
    state: string;
    requested_by: string;
    requested_at: number;
    decided_by: string | null;
    decided_at: number | null;
    /** The provision made on approval (the ledger's provision_id). */
    provision_id: string | null;
  };
  ad_exports: {
    id: string;
    platform: string;
    purpose: string;
    created_at: number;
    created_by: string;
    /** ADS.DELETE_AFTER_MATCH: the files are deleted from then on. */
    expires_at: number;
    deleted_at: number | null;
    /** JSON array of the files written. */
    files: string;
    /** JSON receipt: counts and ids only. */
    receipt: string;
  };
  /**
   * The rows an ad export wrote, per customer, as hashed and written (never a clear value): a
   * held file is rewritten from them without a withdrawn customer, and the platform's removal
   * list is made of them (a tombstone's data key is shredded: the hashes are kept unsealed).
   */
  ad_export_members: {
    export_id: string;
    seq: number;
    platform: string;
    customer_id: string;
    /** JSON AudienceRow: the hashed (and clear country/zip) fields written. */
    row: string;
    /** When the row was taken out of the held file. */
    dropped_at: number | null;
  };
  /** One removal per platform and customer: queued on withdrawal, sent with the next export. */
  ad_removals: {
    platform: string;
    customer_id: string;
    /** REQUEST.DELETION | REQUEST.SUSPEND_PROVISION | ADS.OPT_OUT */
    clause: string;
    /** JSON array of the AudienceRows the platform received; cleared once sent. */
    rows: string | null;
    queued_at: number;
    sent_export_id: string | null;
    sent_at: number | null;
  };
  /** §6 JOINT_USE: the joint-use register (APPI Art. 27(5)(iii)), published. */
  joint_uses: {
    id: string;
    /** JSON array of the joint users' recipient ids (kind jointUser). */
    joint_users: string;
    /** JSON array of the item categories used jointly. */
    items: string;
    /** JSON array of the purposes of the joint use. */
    purposes: string;
    /** The party responsible for managing the data: name, address, representative. */
    responsible_name: string;
    responsible_address: string;
    responsible_representative: string;
    started_at: number;
    ended_at: number | null;
    created_at: number;
    created_by: string;
  };
};

/** The store's database seen through the provision tables. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const provisionDb = (db: Kysely<any>): Kysely<ProvisionTables> =>
  db as Kysely<ProvisionTables>;
