import type { AppContext } from '../app/app-context.ts';
import { HogoError } from '../http/http-error.ts';
import { authorize } from '../security/authorize.ts';
import type { Principal } from '../security/principal.ts';
import { noticesDb } from './notice-tables.ts';
import { noticeView, type NoticeView } from './notice-view.ts';

/** A notice with its body text. */
export type NoticeWithBody = NoticeView & { readonly body: string };

/**
 * One notice with its body decrypted (the address stays masked). The read is audited as
 * 'notice.read' in the same transaction. Needs 'notices.read'; 'notices.not_found' when none.
 */
export async function readNotice(
  ctx: AppContext,
  principal: Principal,
  input: { readonly noticeId: string },
): Promise<NoticeWithBody> {
  authorize(principal, 'notices.read');
  return ctx.store.db.transaction().execute(async (tx) => {
    const row = await noticesDb(tx)
      .selectFrom('notices')
      .selectAll()
      .where('id', '=', input.noticeId)
      .executeTakeFirst();
    if (row === undefined)
      throw new HogoError('notices.not_found', 'no such notice', { field: 'id' });
    const cipher = (await ctx.keys.ciphersFor(tx, [row.customer_id])).get(row.customer_id)!;
    const body = cipher.decrypt(row.body_sealed, `notice:${row.id}:body`);
    await ctx.audit.append(tx, [
      {
        actor: principal.id,
        action: 'notice.read',
        customerId: row.customer_id,
        detail: { noticeId: row.id, kind: row.kind },
      },
    ]);
    return { ...noticeView(row), body };
  });
}
