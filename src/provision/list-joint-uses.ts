import type { ProvisionDeps } from './provision-deps.ts';
import { jointUseView, type JointUseView } from './joint-use-view.ts';
import { provisionDb } from './provision-tables.ts';

/**
 * §6 JOINT_USE: the joint-use register, oldest first, each entry with its joint users'
 * particulars. The register is public (the policy publishes it, APPI Art. 27(5)(iii)): it
 * holds no customer's data, so it needs no permission.
 */
export async function listJointUses(ctx: ProvisionDeps): Promise<JointUseView[]> {
  const db = provisionDb(ctx.store.db);
  const rows = await db.selectFrom('joint_uses').selectAll().orderBy('id').execute();
  if (rows.length === 0) return [];
  const ids = [...new Set(rows.flatMap((r) => JSON.parse(r.joint_users) as string[]))];
  const recipients = await db
    .selectFrom('provision_recipients')
    .selectAll()
    .where('id', 'in', ids)
    .execute();
  const byId = new Map(recipients.map((r) => [r.id, r]));
  return rows.map((r) => jointUseView(r, byId));
}
