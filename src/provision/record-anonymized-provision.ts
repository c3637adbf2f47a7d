import type { Kysely } from 'kysely';
import { authorize, newId } from '../registry/index.ts';
import type { Principal } from '../security/index.ts';
import type { ProvisionDeps } from './provision-deps.ts';
import { requireRecipient } from './recipient-rows.ts';

/** A provision of anonymously processed information, as recorded (APPI Art. 44). */
export interface AnonymizedProvisionRow {
  id: string;
  dataset_id: string;
  dataset_name: string;
  recipient_id: string;
  /** The recipient as it was named at the provision (its row may change later). */
  recipient_name: string;
  recipient_address: string | null;
  recipient_country: string;
  /** JSON array: the items of information provided (APPI Art. 44, PPC Rules Art. 37). */
  items: string;
  /** The method of provision, as published. */
  method: string;
  provided_at: number;
  provided_by: string;
}

/** What `recordAnonymizedProvision` is told. */
export interface AnonymizedProvisionInput {
  readonly datasetId: string;
  readonly datasetName: string;
  readonly recipientId: string;
  readonly items: readonly string[];
  readonly method: string;
}

/** The record written and the recipient it names. */
export interface AnonymizedProvisionRecord {
  readonly id: string;
  readonly providedAt: number;
  readonly recipient: {
    readonly id: string;
    readonly name: string;
    readonly address: string | null;
    readonly country: string;
  };
}

/**
 * Records that a data set of anonymously processed information was provided to a registered
 * recipient (APPI Art. 44): which data set, its items, the method, the recipient by name,
 * inside the caller's transaction. No customer is named: the data set identifies no one, so
 * there is no per-person ledger row (Art. 29 concerns personal data). Needs 'provision.provide'.
 */
export async function recordAnonymizedProvision(
  ctx: ProvisionDeps,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  tx: Kysely<any>,
  principal: Principal,
  input: AnonymizedProvisionInput,
): Promise<AnonymizedProvisionRecord> {
  authorize(principal, 'provision.provide');
  const recipient = await requireRecipient(tx, input.recipientId);
  const now = ctx.clock();
  const id = newId(now);
  const db = tx as Kysely<{ anonymized_provisions: AnonymizedProvisionRow }>;
  await db
    .insertInto('anonymized_provisions')
    .values({
      id,
      dataset_id: input.datasetId,
      dataset_name: input.datasetName,
      recipient_id: recipient.id,
      recipient_name: recipient.legal_name,
      recipient_address: recipient.address,
      recipient_country: recipient.country,
      items: JSON.stringify(input.items),
      method: input.method,
      provided_at: now,
      provided_by: principal.id,
    })
    .execute();
  await ctx.audit.append(tx, [
    {
      actor: principal.id,
      action: 'provision.anonymized',
      clauses: ['ANONYMIZED'],
      detail: { provisionId: id, datasetId: input.datasetId, recipientId: recipient.id },
    },
  ]);
  return {
    id,
    providedAt: now,
    recipient: {
      id: recipient.id,
      name: recipient.legal_name,
      address: recipient.address,
      country: recipient.country,
    },
  };
}

/** The provisions of a data set recorded so far, oldest first. */
export async function anonymizedProvisionsOf(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  db: Kysely<any>,
  datasetId: string,
): Promise<AnonymizedProvisionRow[]> {
  return (db as Kysely<{ anonymized_provisions: AnonymizedProvisionRow }>)
    .selectFrom('anonymized_provisions')
    .selectAll()
    .where('dataset_id', '=', datasetId)
    .orderBy('provided_at')
    .orderBy('id')
    .execute();
}
