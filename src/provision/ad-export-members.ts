import type { Kysely } from 'kysely';
import type { AudienceRow } from './ads/audience-row.ts';
import { provisionDb } from './provision-tables.ts';

/** A row an export wrote for a customer (hashed as written). */
export interface ExportMember {
  readonly customerId: string;
  readonly row: AudienceRow;
}

/** Rows per INSERT: 6 columns each, well under either engine's parameter limit. */
const ROWS_PER_INSERT = 500;

/**
 * Records the rows of a page of an export, numbered on from `firstSeq` in the order they were
 * written: the held file can be rewritten from them, and the platform told what to remove.
 */
export async function recordExportMembers(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  tx: Kysely<any>,
  exportId: string,
  platform: string,
  members: readonly ExportMember[],
  firstSeq: number,
): Promise<void> {
  const db = provisionDb(tx);
  for (let i = 0; i < members.length; i += ROWS_PER_INSERT) {
    await db
      .insertInto('ad_export_members')
      .values(
        members.slice(i, i + ROWS_PER_INSERT).map((m, j) => ({
          export_id: exportId,
          seq: firstSeq + i + j,
          platform,
          customer_id: m.customerId,
          row: JSON.stringify(m.row),
          dropped_at: null,
        })),
      )
      .execute();
  }
}
