import type { ProvisionDeps } from './provision-deps.ts';
import { authorize } from '../registry/index.ts';
import type { Principal } from '../security/index.ts';
import { provisionDb } from './provision-tables.ts';
import { requireRecipient } from './recipient-rows.ts';
import {
  diligenceView,
  recipientView,
  type DiligenceView,
  type RecipientView,
} from './recipient-view.ts';

/** A recipient with every verification recorded, oldest first (PROVIDE.DUE_DILIGENCE). */
export interface RecipientDetail extends RecipientView {
  readonly diligenceHistory: readonly DiligenceView[];
}

/** One recipient with its diligence history; 'provision.not_found' when unknown. Needs 'provision.read'. */
export async function readRecipient(
  ctx: ProvisionDeps,
  principal: Principal,
  recipientId: string,
): Promise<RecipientDetail> {
  authorize(principal, 'provision.read');
  const row = await requireRecipient(ctx.store.db, recipientId);
  const history = await provisionDb(ctx.store.db)
    .selectFrom('recipient_diligence')
    .selectAll()
    .where('recipient_id', '=', row.id)
    .orderBy('verified_at')
    .orderBy('id')
    .execute();
  return {
    ...recipientView(row, history, ctx.clock()),
    diligenceHistory: history.map(diligenceView),
  };
}
