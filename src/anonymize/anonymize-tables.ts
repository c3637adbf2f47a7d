import type { Kysely } from 'kysely';

/** The anonymize slice's tables as Kysely sees them (instants in epoch ms). */
export type AnonymizeTables = {
  /**
   * A data set of anonymously processed information and the job that made it: it stays as the
   * record of what was made, published and provided. No registry id is kept: the linking codes
   * were replaced by tokens whose mapping died with the job (PPC Rule 34(3)).
   */
  anonymized_datasets: {
    id: string;
    name: string;
    /** The definition as given (YAML or JSON text). */
    definition: string;
    /** running | done | failed */
    state: string;
    /** What the job is doing now (reading the source, generalizing, writing). */
    phase: string;
    done: number;
    total: number;
    /** JSON: the AnonymizationReport, when done. */
    report: string | null;
    /** The data set as CSV, when done. */
    data: string | null;
    rows: number | null;
    /** The message of the error the job failed with. */
    error: string | null;
    created_by: string;
    created_at: number;
    finished_at: number | null;
    /** APPI Art. 43(3); PPC Rules Art. 36: JSON of the items published, and the method. */
    published_items: string | null;
    published_method: string | null;
    published_at: number | null;
    published_by: string | null;
  };
  /** APPI Art. 44: the written notice to a recipient that the data is anonymously processed. */
  anonymized_dataset_notices: {
    id: string;
    dataset_id: string;
    /** The provision slice's record of the provision. */
    provision_id: string;
    recipient_id: string;
    recipient_name: string;
    subject_en: string;
    body_en: string;
    subject_ja: string;
    body_ja: string;
    created_at: number;
    created_by: string;
  };
};

/** The store's database seen through the anonymize tables. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const anonymizeDb = (db: Kysely<any>): Kysely<AnonymizeTables> =>
  db as Kysely<AnonymizeTables>;
