import type { ProvisionDeps } from './provision-deps.ts';
import { authorize } from '../registry/index.ts';
import type { Principal } from '../security/index.ts';
import { provisionDb } from './provision-tables.ts';
import type { RecipientUpdateInput } from './recipient-input.ts';
import { diligenceHistories, requireRecipient } from './recipient-rows.ts';
import { recipientView, type RecipientView } from './recipient-view.ts';

/**
 * Changes a recipient's recorded particulars (the fields given); audited with the names of the
 * fields changed. 'provision.not_found' for an unknown id. Needs 'provision.manage'.
 */
export async function updateRecipient(
  ctx: ProvisionDeps,
  principal: Principal,
  input: { readonly recipientId: string; readonly changes: RecipientUpdateInput },
): Promise<RecipientView> {
  authorize(principal, 'provision.manage');
  const c = input.changes;
  return ctx.store.db.transaction().execute(async (tx) => {
    const current = await requireRecipient(tx, input.recipientId);
    const row = {
      ...current,
      ...(c.legalName !== undefined ? { legal_name: c.legalName } : {}),
      ...(c.address !== undefined ? { address: c.address } : {}),
      ...(c.representative !== undefined ? { representative: c.representative } : {}),
      ...(c.country !== undefined ? { country: c.country } : {}),
      ...(c.protectionRegime !== undefined ? { protection_regime: c.protectionRegime } : {}),
      ...(c.recordByContract !== undefined
        ? { record_by_contract: c.recordByContract ? 1 : 0 }
        : {}),
      updated_at: ctx.clock(),
    };
    await provisionDb(tx)
      .updateTable('provision_recipients')
      .set(row)
      .where('id', '=', current.id)
      .execute();
    await ctx.audit.append(tx, [
      {
        actor: principal.id,
        action: 'recipient.update',
        detail: { recipientId: current.id, fields: Object.keys(c) },
      },
    ]);
    const histories = await diligenceHistories(tx, [current.id]);
    return recipientView(row, histories.get(current.id) ?? [], ctx.clock());
  });
}
