import type { RequestDeps } from './request-deps.ts';
import type { Principal } from '../security/index.ts';
import { cipherFor } from './cipher-for.ts';
import type { CustomerRequest } from './customer-request.ts';
import { mayReadTexts } from './may-read-texts.ts';
import { openStoredText } from './open-stored-text.ts';
import { requestTexts } from './request-texts.ts';
import type { RequestTextField, StoredText } from './stored-text.ts';
import type { RequestTextViews } from './text-view.ts';

/**
 * The request's free texts (or only `fields`) as this principal is shown them: opened for a
 * principal who may read them (`mayReadTexts`), the read audited as 'request.details.read'
 * naming the fields in the same transaction; sealed for anyone else; erased once the
 * customer's key was shredded (REQUEST.DELETION).
 */
export async function readRequestTexts(
  ctx: RequestDeps,
  principal: Principal,
  request: CustomerRequest,
  fields?: readonly RequestTextField[],
): Promise<RequestTextViews> {
  const stored = Object.entries(requestTexts(request)).filter(
    ([field]) => fields === undefined || fields.includes(field as RequestTextField),
  ) as [RequestTextField, StoredText][];
  if (stored.length === 0 || !mayReadTexts(principal, request)) return {};
  return ctx.store.db.transaction().execute(async (tx) => {
    const cipher = await cipherFor(ctx, tx, request.customerId);
    const views: RequestTextViews = {};
    const read: RequestTextField[] = [];
    for (const [field, text] of stored) {
      const view = openStoredText(cipher, request.id, field, text);
      views[field] = view;
      if (view.state === 'shown') read.push(field);
    }
    if (read.length > 0)
      await ctx.audit.append(tx, [
        {
          actor: principal.id,
          action: 'request.details.read',
          customerId: request.customerId,
          clauses: [request.kind],
          detail: { requestId: request.id, fields: read },
        },
      ]);
    return views;
  });
}
