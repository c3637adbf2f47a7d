import type { Kysely } from 'kysely';
import { newId } from '../registry/index.ts';
import { provisionDb } from './provision-tables.ts';
import { writeLedger } from './write-ledger.ts';

/** The one recipient every family caller is recorded under (PROVIDE.FAMILY). */
export const FAMILY_RECIPIENT_ID = 'family';

/** What was told a family caller: whose items, which, and on what ground. */
export interface FamilyProvision {
  readonly customerId: string;
  readonly itemIds: readonly string[];
  readonly itemCategories: readonly string[];
  /** The purpose the answer serves (§3) and the relation the caller gave. */
  readonly purpose: string;
  readonly relation: string;
  readonly at: number;
}

/**
 * PROVIDE.FAMILY: records an answer to a family caller in the provision ledger (§5: every
 * provision is recorded), inside the caller's transaction, under the 'family' recipient
 * (created on first use; the caller's own name is not a recipient's and is not kept here).
 * Returns the provision id.
 */
export async function recordFamilyProvision(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  tx: Kysely<any>,
  provision: FamilyProvision,
  createdBy: string,
  now: number,
): Promise<string> {
  const db = provisionDb(tx);
  await db
    .insertInto('provision_recipients')
    .values({
      id: FAMILY_RECIPIENT_ID,
      kind: 'family',
      legal_name: 'Family caller (PROVIDE.FAMILY)',
      address: null,
      representative: null,
      country: 'JP',
      protection_regime: null,
      record_by_contract: 0,
      created_at: now,
      updated_at: now,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  const recipient = await db
    .selectFrom('provision_recipients')
    .selectAll()
    .where('id', '=', FAMILY_RECIPIENT_ID)
    .executeTakeFirstOrThrow();
  const provisionId = newId(now);
  await writeLedger(
    tx,
    recipient,
    [
      {
        provisionId,
        customerId: provision.customerId,
        recipientId: recipient.id,
        providedAt: provision.at,
        itemCategories: [...new Set(provision.itemCategories)].sort(),
        itemIds: provision.itemIds,
        clause: 'PROVIDE.FAMILY',
        ground: `family:${provision.relation}`,
        purpose: provision.purpose,
        legalBasis: null,
        documentReference: null,
      },
    ],
    createdBy,
    now,
  );
  return provisionId;
}
