import type { Kysely } from 'kysely';
import { HogoError } from '../errors/index.ts';
import { provisionDb, type ProvisionTables } from './provision-tables.ts';

type RecipientRow = ProvisionTables['provision_recipients'];
type DiligenceRow = ProvisionTables['recipient_diligence'];

/** The recipient's row; 'provision.not_found' when there is none. */
export async function requireRecipient(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  db: Kysely<any>,
  id: string,
): Promise<RecipientRow> {
  const row = await provisionDb(db)
    .selectFrom('provision_recipients')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (row === undefined) {
    throw new HogoError('provision.not_found', 'no such recipient', { field: 'recipientId' });
  }
  return row;
}

/** The latest verification of each recipient (by verifiedAt), keyed by recipient id. */
export async function latestDiligence(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  db: Kysely<any>,
  recipientIds: readonly string[],
): Promise<Map<string, DiligenceRow>> {
  const latest = new Map<string, DiligenceRow>();
  if (recipientIds.length === 0) return latest;
  const rows = await provisionDb(db)
    .selectFrom('recipient_diligence')
    .selectAll()
    .where('recipient_id', 'in', recipientIds)
    .orderBy('verified_at')
    .orderBy('id')
    .execute();
  for (const row of rows) latest.set(row.recipient_id, row);
  return latest;
}
