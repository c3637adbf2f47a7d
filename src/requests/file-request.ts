import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { RequestDeps } from './request-deps.ts';
import { joinTransaction } from '../store/index.ts';
import { HogoError } from '../errors/index.ts';
import { parseIsoInstant } from '../policy/index.ts';
import { authorize, type Principal } from '../security/index.ts';
import { readCustomer } from '../registry/index.ts';
import { recordEvent } from './apply-event.ts';
import type { CustomerRequest } from './customer-request.ts';
import { dueDateFor } from './due-date.ts';
import { feeFor } from './fee-for.ts';
import { requestKind } from './request-kind.ts';
import type { FileRequestInput } from './request-input.ts';
import { requestsDb } from './request-tables.ts';
import { hasPlainText, sealRequestTexts } from './seal-request-texts.ts';
import { textContext } from './stored-text.ts';

/**
 * Files a customer's request (§9): the kind from the policy file, the requester (the customer
 * or an agent with their authority, APPI Art. 37), the subscriber lines it names (each must be
 * the customer's; REQUEST.FEE counts them, at least one unit), its fee and its due date
 * (REQUEST.TIMELY), the language to answer in, and what the customer wrote (sealed under
 * their data key, like an agent's evidence). Stored as 'received', audited as 'request.file'. Needs 'requests.file'.
 */
export async function fileRequest(
  ctx: RequestDeps,
  principal: Principal,
  input: FileRequestInput,
  options: FileOptions = {},
): Promise<CustomerRequest> {
  authorize(principal, 'requests.file');
  const kind = requestKind(ctx.policy, input.kind);
  const now = ctx.clock();
  const receivedAt = input.receivedAt === undefined ? now : receivedInstant(input.receivedAt, now);
  const lineIds = [...new Set(input.lineIds ?? [])];
  const fee = feeFor(ctx.policy, { kind: kind.id, lines: Math.max(1, lineIds.length) });
  const due = dueDateFor(ctx.policy, kind.id, receivedAt);
  let request: CustomerRequest = {
    id: randomUUID(),
    kind: kind.id,
    customerId: input.customerId,
    requester: input.requester,
    channel: input.channel,
    lineIds,
    // APPI Art. 33(1): the person chooses how a package is delivered; electronic unless they ask for paper.
    deliveryMethod: kind.deliversPackage === true ? (input.deliveryMethod ?? 'electronic') : null,
    state: 'received',
    charged: fee.total > 0,
    fee,
    receivedAt,
    dueDate: due.dueDate,
    dueAt: due.dueAt,
    identity: null,
    payment: null,
    startedAt: null,
    outcome: null,
    notifiedAt: null,
    cancelled: null,
    closedAt: null,
    lang: input.lang ?? 'ja',
  };
  return ctx.store.db.transaction().execute(async (tx) => {
    const inTx: RequestDeps = { ...ctx, store: { ...ctx.store, db: joinTransaction(tx) } };
    const customer = await readCustomer(inTx, principal, {
      customerId: input.customerId,
      values: false,
    });
    const own = new Set(customer.subscriberLines.map((l) => l.id));
    const foreign = lineIds.findIndex((id) => !own.has(id));
    if (foreign >= 0)
      throw new HogoError('requests.invalid_line', 'not a subscriber line of this customer', {
        field: `lineIds[${foreign}]`,
      });
    if (lineIds.length === 0) {
      // REQUEST.FEE is per subscriber line disclosed: a request naming none discloses every
      // line the customer holds, and is charged for each (one at least).
      const active = customer.subscriberLines.filter((l) => l.endedAt === null).length;
      const all = feeFor(ctx.policy, { kind: kind.id, lines: Math.max(1, active) });
      request = { ...request, fee: all, charged: all.total > 0 };
    }
    if (input.details !== undefined || hasPlainText(request)) {
      // An erased customer's key: 'keys.shredded', nothing can be filed for them.
      const cipher = (await ctx.keys.ciphersFor(tx, [request.customerId])).get(request.customerId)!;
      request = sealRequestTexts(request, cipher);
      if (input.details !== undefined)
        request = {
          ...request,
          detailsSealed: cipher
            .encrypt(input.details, textContext(request.id, 'details'))
            .toString('base64'),
        };
    }
    const now = ctx.clock();
    const openKey = options.oneOpenPerKind === true ? openKeyOf(request) : null;
    if (openKey !== null) await refuseDuplicateOpen(tx, openKey);
    await requestsDb(tx)
      .insertInto('requests')
      .values({
        id: request.id,
        kind: request.kind,
        customer_id: request.customerId,
        state: request.state,
        received_at: receivedAt,
        due_at: request.dueAt,
        closed_at: null,
        updated_at: now,
        body: JSON.stringify(request),
        open_key: openKey,
      })
      .execute();
    const detail = {
      channel: request.channel,
      requester: request.requester.type,
      ...(request.requester.type === 'agent' ? { authority: request.requester.authority } : {}),
      lines: lineIds.length,
      dueDate: request.dueDate,
      fee: fee.total,
    };
    await recordEvent(tx, {
      requestId: request.id,
      type: 'file',
      from: null,
      to: 'received',
      actor: principal.id,
      at: now,
      detail,
    });
    await ctx.audit.append(tx, [
      {
        actor: principal.id,
        action: 'request.file',
        customerId: request.customerId,
        clauses: [request.kind, 'REQUEST.TIMELY', ...(request.charged ? ['REQUEST.FEE'] : [])],
        detail: { requestId: request.id, ...detail },
      },
    ]);
    return request;
  });
}

/** How a filing is checked beyond its input. */
export interface FileOptions {
  /**
   * Refuse the filing ('requests.duplicate_open', naming the open one) while the customer has
   * an open request of the same kind held under this rule: the customer's own web filings,
   * where one request answers the need and copies would only turn overdue.
   */
  readonly oneOpenPerKind?: boolean;
}

/** The key a request holds while open under `oneOpenPerKind`. */
export function openKeyOf(request: Pick<CustomerRequest, 'customerId' | 'kind'>): string {
  return `${request.customerId}:${request.kind}`;
}

/** Refuses when an open request holds `openKey`, naming it. */
export async function refuseDuplicateOpen(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  db: Kysely<any>,
  openKey: string,
): Promise<void> {
  const open = await requestsDb(db)
    .selectFrom('requests')
    .select('id')
    .where('open_key', '=', openKey)
    .executeTakeFirst();
  if (open !== undefined)
    throw new HogoError(
      'requests.duplicate_open',
      'a request of this kind is already open for this customer; follow that one',
      { field: 'kind', requestId: open.id },
    );
}

/** Clocks of other systems may run a little ahead; more than this is a date not yet come. */
const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * When a request filed later (a letter, a call) was received. Never in the future: a later
 * receipt would move the due date (REQUEST.TIMELY, APPI Art. 39's 14 days) past what the law
 * allows from the real receipt.
 */
function receivedInstant(text: string, now: number): number {
  const at = parseIsoInstant(text);
  if (Number.isNaN(at))
    throw new HogoError('requests.invalid_instant', 'an ISO 8601 date-time with an offset', {
      field: 'receivedAt',
    });
  if (at > now + CLOCK_SKEW_MS)
    throw new HogoError('requests.invalid_instant', 'a request cannot be received in the future', {
      field: 'receivedAt',
    });
  return at;
}
