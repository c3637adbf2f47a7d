import type { Kysely } from 'kysely';
import { HogoError } from '../errors/index.ts';
import { provisionDb, type ProvisionTables } from './provision-tables.ts';
import { DILIGENCE_KINDS, type RecipientKind } from './recipient-kind.ts';

/**
 * PROVIDE.DUE_DILIGENCE: before a provision to a subcontractor or a claims collector, the
 * latest verification made on or before `at` must still be in force then: a later one with an
 * earlier expiry (an agreement ended) withdraws an older, longer one, as the recipient's view
 * shows it. Throws 'provision.diligence_missing' citing the clause; other kinds pass.
 */
export async function requireDiligence(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  db: Kysely<any>,
  recipient: ProvisionTables['provision_recipients'],
  at: number,
): Promise<void> {
  if (!DILIGENCE_KINDS.has(recipient.kind as RecipientKind)) return;
  const latest = await provisionDb(db)
    .selectFrom('recipient_diligence')
    .select(['id', 'expires_at'])
    .where('recipient_id', '=', recipient.id)
    .where('verified_at', '<=', at)
    .orderBy('verified_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (latest !== undefined && latest.expires_at > at) return;
  throw new HogoError(
    'provision.diligence_missing',
    'no verification of the recipient’s protective measures and agreement is in force',
    { recipientId: recipient.id, clauses: ['PROVIDE.DUE_DILIGENCE'] },
  );
}
