import type { ProvisionDeps } from './provision-deps.ts';
import { HogoError } from '../errors/index.ts';
import { authorize } from '../registry/index.ts';
import type { Principal } from '../security/index.ts';
import { provisionDb } from './provision-tables.ts';
import type { RecipientInput } from './recipient-input.ts';
import { recipientView, type RecipientView } from './recipient-view.ts';

/**
 * Registers a third party personal information may be provided to, with what APPI Art. 29 and
 * Art. 28 need recorded (name, address, representative, country, protection regime). Audited;
 * 'provision.conflict' when the id is taken. Needs 'provision.manage'.
 */
export async function createRecipient(
  ctx: ProvisionDeps,
  principal: Principal,
  input: RecipientInput,
): Promise<RecipientView> {
  authorize(principal, 'provision.manage');
  return ctx.store.db.transaction().execute(async (tx) => {
    const db = provisionDb(tx);
    const taken = await db
      .selectFrom('provision_recipients')
      .select('id')
      .where('id', '=', input.id)
      .executeTakeFirst();
    if (taken !== undefined) {
      throw new HogoError('provision.conflict', 'a recipient with this id exists', { field: 'id' });
    }
    const now = ctx.clock();
    const row = {
      id: input.id,
      kind: input.kind,
      legal_name: input.legalName,
      address: input.address ?? null,
      representative: input.representative ?? null,
      country: input.country,
      protection_regime: input.protectionRegime ?? null,
      record_by_contract: input.recordByContract === true ? 1 : 0,
      created_at: now,
      updated_at: now,
    };
    await db.insertInto('provision_recipients').values(row).execute();
    await ctx.audit.append(tx, [
      {
        actor: principal.id,
        action: 'recipient.create',
        detail: { recipientId: input.id, kind: input.kind, country: input.country },
      },
    ]);
    return recipientView(row, [], now);
  });
}
