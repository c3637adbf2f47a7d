import type { ProvisionDeps } from './provision-deps.ts';
import { authorize } from '../registry/index.ts';
import type { Principal } from '../security/index.ts';
import { provisionDb } from './provision-tables.ts';
import { diligenceHistories } from './recipient-rows.ts';
import { recipientView, type RecipientView } from './recipient-view.ts';

/** Every recipient in id order, each with its latest diligence and its standing now. Needs 'provision.read'. */
export async function listRecipients(
  ctx: ProvisionDeps,
  principal: Principal,
): Promise<RecipientView[]> {
  authorize(principal, 'provision.read');
  const db = ctx.store.db;
  const now = ctx.clock();
  const rows = await provisionDb(db)
    .selectFrom('provision_recipients')
    .selectAll()
    .orderBy('id')
    .execute();
  const histories = await diligenceHistories(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => recipientView(r, histories.get(r.id) ?? [], now));
}
