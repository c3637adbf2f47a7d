import type { NoticeDeps } from './notice-deps.ts';
import { HogoError } from '../errors/index.ts';
import { visibleCustomerIds } from '../registry/index.ts';
import { authorize, can, type Principal } from '../security/index.ts';
import { noticesDb } from './notice-tables.ts';
import { noticeView, type NoticeView } from './notice-view.ts';

/** A notice with its body text. */
export type NoticeWithBody = NoticeView & { readonly body: string };

/** What staff see in place of a one-time code's body. */
export const CODE_WITHHELD = '(a one-time code: never shown to staff)';

/** What staff see in place of a letter's body when their scope does not cover all of it. */
export const LETTER_WITHHELD =
  '(a letter to the customer: shown only to staff who may read every category of their values)';

/**
 * One notice with its body decrypted (the address stays masked). The read is audited as
 * 'notice.read' in the same transaction. A one-time code's body is never decrypted for staff:
 * whoever read it could sign in as the customer (REQUEST.WEB). Any other letter may quote free
 * text (a refusal's sentence), so its body is shown only with 'registry.readValues' and a
 * scope of every category, like the request's own free texts. Needs 'notices.read';
 * 'notices.not_found' when none, or when its customer lies outside the principal's groups.
 */
export async function readNotice(
  ctx: NoticeDeps,
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
    // SECURITY.6: a notice to a customer outside the principal's groups is not found.
    if (row === undefined || !(await visibleCustomerIds(tx, principal, [row.customer_id])).size)
      throw new HogoError('notices.not_found', 'no such notice', { field: 'id' });
    if (row.kind === 'verification.code') return { ...noticeView(row), body: CODE_WITHHELD };
    if (!can(principal, 'registry.readValues') || principal.scope.categories !== 'all')
      return { ...noticeView(row), body: LETTER_WITHHELD };
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
