import type { ProvisionDeps } from './provision-deps.ts';
import { HogoError } from '../errors/index.ts';
import { authorize, newId } from '../registry/index.ts';
import type { Principal } from '../security/index.ts';
import { parseInstant } from './parse-instant.ts';
import { provisionDb } from './provision-tables.ts';
import type { DiligenceInput } from './recipient-input.ts';
import { diligenceHistories, requireRecipient } from './recipient-rows.ts';
import { recipientView, type RecipientView } from './recipient-view.ts';

/**
 * PROVIDE.DUE_DILIGENCE, SECURITY.7: records that the recipient's protective measures and its
 * agreement were verified, valid until `expiresAt`. Nothing is overwritten: each verification
 * is a new row, and the latest one counts. Audited. Needs 'provision.manage'.
 */
export async function recordDiligence(
  ctx: ProvisionDeps,
  principal: Principal,
  input: { readonly recipientId: string; readonly diligence: DiligenceInput },
): Promise<RecipientView> {
  authorize(principal, 'provision.manage');
  const d = input.diligence;
  const verifiedAt = parseInstant(d.verifiedAt, 'verifiedAt');
  const expiresAt = parseInstant(d.expiresAt, 'expiresAt');
  if (expiresAt <= verifiedAt) {
    throw new HogoError('provision.invalid_period', 'expiresAt must follow verifiedAt', {
      field: 'expiresAt',
    });
  }
  return ctx.store.db.transaction().execute(async (tx) => {
    const recipient = await requireRecipient(tx, input.recipientId);
    const now = ctx.clock();
    const row = {
      id: newId(now),
      recipient_id: recipient.id,
      agreement_reference: d.agreementReference,
      measures: JSON.stringify(d.measures),
      verified_at: verifiedAt,
      expires_at: expiresAt,
      verified_by: principal.id,
      created_at: now,
    };
    await provisionDb(tx).insertInto('recipient_diligence').values(row).execute();
    await ctx.audit.append(tx, [
      {
        actor: principal.id,
        action: 'recipient.diligence',
        clauses: ['PROVIDE.DUE_DILIGENCE'],
        detail: { recipientId: recipient.id, diligenceId: row.id, expiresAt },
      },
    ]);
    const histories = await diligenceHistories(tx, [recipient.id]);
    return recipientView(recipient, histories.get(recipient.id) ?? [], now, row);
  });
}
