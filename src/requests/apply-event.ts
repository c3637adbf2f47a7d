import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { RequestDeps } from './request-deps.ts';
import { HogoError } from '../errors/index.ts';
import type { CustomerCipher, Principal } from '../security/index.ts';
import { cipherFor } from './cipher-for.ts';
import type { CustomerRequest } from './customer-request.ts';
import { eventDetail } from './event-detail.ts';
import type { RequestEvent } from './request-event.ts';
import { requestsDb } from './request-tables.ts';
import { hasPlainText, sealRequestTexts } from './seal-request-texts.ts';
import { transition } from './transition.ts';

/** Extra clauses an event's audit entry cites besides the request's kind. */
export interface ApplyOptions {
  readonly clauses?: readonly string[];
  /**
   * The customer's cipher, taken before this transaction shreds their key (a deletion's partial
   * refusal); null when it is already gone. Absent: read when a text must be sealed.
   */
  readonly cipher?: CustomerCipher | null;
}

/**
 * Applies `event` to `request` inside the caller's transaction `tx`: the pure `transition`,
 * the row updated only if still in the state it was read in ('requests.conflict' when someone
 * moved it first), the event appended to request_events, and an audit entry
 * `request.<event>` citing the kind's clause — all committed together. The free text an event
 * brings (a refusal's sentence, a cancellation's reason, a payment's reference) is sealed under
 * the customer's data key before the row is written.
 */
export async function applyEvent(
  ctx: RequestDeps,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  tx: Kysely<any>,
  principal: Principal,
  request: CustomerRequest,
  event: RequestEvent,
  options: ApplyOptions = {},
): Promise<CustomerRequest> {
  const moved = transition(request, event);
  const next = hasPlainText(moved)
    ? sealRequestTexts(
        moved,
        options.cipher !== undefined
          ? options.cipher
          : await cipherFor(ctx, tx, request.customerId),
      )
    : moved;
  const db = requestsDb(tx);
  const updated = await db
    .updateTable('requests')
    .set({
      state: next.state,
      closed_at: next.closedAt,
      updated_at: event.at,
      body: JSON.stringify(next),
      // A closed request no longer holds its customer's open key: a new one may be filed.
      ...(next.closedAt !== null ? { open_key: null } : {}),
    })
    .where('id', '=', request.id)
    .where('state', '=', request.state)
    .executeTakeFirst();
  if (updated.numUpdatedRows !== 1n)
    throw new HogoError('requests.conflict', 'the request changed meanwhile; read it again', {
      field: 'requestId',
    });
  const detail = eventDetail(event);
  await recordEvent(tx, {
    requestId: next.id,
    type: event.type,
    from: request.state,
    to: next.state,
    actor: principal.id,
    at: event.at,
    detail,
  });
  await ctx.audit.append(tx, [
    {
      actor: principal.id,
      action: `request.${event.type}`,
      customerId: request.customerId,
      clauses: [request.kind, ...(options.clauses ?? [])],
      detail: { requestId: request.id, from: request.state, to: next.state, ...detail },
    },
  ]);
  return next;
}

/** Appends one row to request_events, numbered after the request's last. */
export async function recordEvent(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  tx: Kysely<any>,
  e: {
    readonly requestId: string;
    readonly type: string;
    readonly from: string | null;
    readonly to: string;
    readonly actor: string;
    readonly at: number;
    readonly detail: Readonly<Record<string, unknown>>;
  },
): Promise<void> {
  const db = requestsDb(tx);
  const last = await db
    .selectFrom('request_events')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('request_id', '=', e.requestId)
    .executeTakeFirst();
  await db
    .insertInto('request_events')
    .values({
      id: randomUUID(),
      request_id: e.requestId,
      seq: Number(last?.seq ?? 0) + 1,
      type: e.type,
      from_state: e.from,
      to_state: e.to,
      actor: e.actor,
      at: e.at,
      detail: Object.keys(e.detail).length === 0 ? null : JSON.stringify(e.detail),
    })
    .execute();
}
