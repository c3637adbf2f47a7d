import type { ProvisionDeps } from './provision-deps.ts';
import { HogoError } from '../errors/index.ts';
import { authorize } from '../registry/index.ts';
import type { Principal } from '../security/index.ts';
import { provisionDb } from './provision-tables.ts';
import { requireRecipient } from './recipient-rows.ts';

/**
 * Deletes a recipient nothing was ever provided to, with its diligence; 'provision.conflict'
 * when the ledger names it (APPI Art. 29: the records must keep who received the data).
 * Audited. Needs 'provision.manage'.
 */
export async function deleteRecipient(
  ctx: ProvisionDeps,
  principal: Principal,
  recipientId: string,
): Promise<void> {
  authorize(principal, 'provision.manage');
  await ctx.store.db.transaction().execute(async (tx) => {
    const recipient = await requireRecipient(tx, recipientId);
    const db = provisionDb(tx);
    const used = await db
      .selectFrom('provision_records')
      .select('id')
      .where('recipient_id', '=', recipient.id)
      .executeTakeFirst();
    if (used !== undefined) {
      throw new HogoError('provision.conflict', 'the provision ledger names this recipient', {
        field: 'recipientId',
      });
    }
    if (recipient.kind === 'jointUser') {
      // §6 JOINT_USE: the published register keeps naming who used the data jointly.
      const entries = await db.selectFrom('joint_uses').select('joint_users').execute();
      if (entries.some((e) => (JSON.parse(e.joint_users) as string[]).includes(recipient.id))) {
        throw new HogoError('provision.conflict', 'the joint-use register names this recipient', {
          field: 'recipientId',
        });
      }
    }
    await db.deleteFrom('recipient_diligence').where('recipient_id', '=', recipient.id).execute();
    await db.deleteFrom('provision_recipients').where('id', '=', recipient.id).execute();
    await ctx.audit.append(tx, [
      { actor: principal.id, action: 'recipient.delete', detail: { recipientId: recipient.id } },
    ]);
  });
}
