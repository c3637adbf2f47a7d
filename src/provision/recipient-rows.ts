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

/** Every verification of each recipient, oldest first (verifiedAt, then id), keyed by recipient id. */
export async function diligenceHistories(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  db: Kysely<any>,
  recipientIds: readonly string[],
): Promise<Map<string, DiligenceRow[]>> {
  const histories = new Map<string, DiligenceRow[]>();
  if (recipientIds.length === 0) return histories;
  const rows = await provisionDb(db)
    .selectFrom('recipient_diligence')
    .selectAll()
    .where('recipient_id', 'in', recipientIds)
    .orderBy('verified_at')
    .orderBy('id')
    .execute();
  for (const row of rows) {
    const history = histories.get(row.recipient_id);
    if (history === undefined) histories.set(row.recipient_id, [row]);
    else history.push(row);
  }
  return histories;
}
