import type { ProvisionDeps } from './provision-deps.ts';
import { HogoError } from '../errors/index.ts';
import { newId } from '../registry/index.ts';
import { authorize, type Principal } from '../security/index.ts';
import type { JointUseInput } from './joint-use-input.ts';
import { jointUseView, type JointUseView } from './joint-use-view.ts';
import { parseInstant } from './parse-instant.ts';
import { provisionDb } from './provision-tables.ts';

/**
 * §6 JOINT_USE: enters a joint use in the register — who uses the data jointly (registered
 * recipients of kind jointUser), the item categories (of the policy), the purposes and the
 * party responsible (APPI Art. 27(5)(iii)). Audited. Needs 'provision.manage'.
 */
export async function createJointUse(
  ctx: ProvisionDeps,
  principal: Principal,
  input: JointUseInput,
): Promise<JointUseView> {
  authorize(principal, 'provision.manage');
  const categories = new Set(ctx.policy.document.categories.map((c) => c.id));
  const unknown = input.items.find((c) => !categories.has(c));
  if (unknown !== undefined) {
    throw new HogoError(
      'provision.invalid_category',
      `'${unknown}' is not a category of the policy`,
      {
        field: 'items',
      },
    );
  }
  const now = ctx.clock();
  const startedAt =
    input.startedAt === undefined ? now : parseInstant(input.startedAt, 'startedAt');
  const jointUsers = [...new Set(input.jointUsers)];
  return ctx.store.db.transaction().execute(async (tx) => {
    const db = provisionDb(tx);
    const recipients = await db
      .selectFrom('provision_recipients')
      .selectAll()
      .where('id', 'in', jointUsers)
      .execute();
    const byId = new Map(recipients.map((r) => [r.id, r]));
    for (const id of jointUsers) {
      const r = byId.get(id);
      if (r === undefined) {
        throw new HogoError('provision.not_found', `no recipient '${id}'`, { field: 'jointUsers' });
      }
      if (r.kind !== 'jointUser') {
        throw new HogoError('provision.invalid_recipient', `'${id}' is not a joint user`, {
          field: 'jointUsers',
        });
      }
    }
    const row = {
      id: newId(now),
      joint_users: JSON.stringify(jointUsers),
      items: JSON.stringify([...new Set(input.items)]),
      purposes: JSON.stringify(input.purposes),
      responsible_name: input.responsibleParty.name,
      responsible_address: input.responsibleParty.address,
      responsible_representative: input.responsibleParty.representative,
      started_at: startedAt,
      ended_at: null,
      created_at: now,
      created_by: principal.id,
    };
    await db.insertInto('joint_uses').values(row).execute();
    await ctx.audit.append(tx, [
      {
        actor: principal.id,
        action: 'jointUse.create',
        clauses: ['JOINT_USE'],
        detail: { jointUseId: row.id, jointUsers, items: JSON.parse(row.items) as string[] },
      },
    ]);
    return jointUseView(row, byId);
  });
}
