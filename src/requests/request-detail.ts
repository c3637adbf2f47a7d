import type { AppContext } from '../app/app-context.ts';
import { HogoError } from '../http/http-error.ts';
import { authorize } from '../security/authorize.ts';
import { can, type Principal } from '../security/principal.ts';
import type { CustomerRequest } from './customer-request.ts';
import { dueStatus, type DueStatus } from './due-status.ts';
import { requireRequest } from './require-request.ts';
import { requestSteps, type RequestStep } from './request-steps.ts';
import { requestsDb } from './request-tables.ts';

/** One step of a request's history. */
export interface RequestHistoryEntry {
  readonly seq: number;
  readonly type: string;
  readonly from: string | null;
  readonly to: string;
  readonly actor: string;
  readonly at: string;
  readonly detail: Readonly<Record<string, unknown>> | null;
}

/** A request with its due status and its whole history. */
export interface RequestDetail {
  readonly request: CustomerRequest;
  readonly dueStatus: DueStatus;
  /** The steps the principal may take now (the transition table and its permissions). */
  readonly steps: readonly RequestStep[];
  readonly events: readonly RequestHistoryEntry[];
  /** What the customer wrote, for a principal who may read values (the read is audited). */
  readonly details?: string;
}

/**
 * A request, where it stands against its due date, and every event in order; what the customer
 * wrote only for a principal with 'registry.readValues' (audited as 'request.details.read').
 * Needs 'requests.read'.
 */
export async function requestDetail(
  ctx: AppContext,
  principal: Principal,
  input: { readonly requestId: string },
): Promise<RequestDetail> {
  authorize(principal, 'requests.read');
  const request = await requireRequest(ctx.store.db, input.requestId);
  const rows = await requestsDb(ctx.store.db)
    .selectFrom('request_events')
    .selectAll()
    .where('request_id', '=', request.id)
    .orderBy('seq')
    .execute();
  const details = await readDetails(ctx, principal, request);
  return {
    request,
    ...(details !== undefined ? { details } : {}),
    dueStatus: dueStatus(request, ctx.clock()),
    steps: requestSteps(request, principal),
    events: rows.map((r) => ({
      seq: Number(r.seq),
      type: r.type,
      from: r.from_state,
      to: r.to_state,
      actor: r.actor,
      at: new Date(Number(r.at)).toISOString(),
      detail: r.detail === null ? null : (JSON.parse(r.detail) as Record<string, unknown>),
    })),
  };
}

async function readDetails(
  ctx: AppContext,
  principal: Principal,
  request: CustomerRequest,
): Promise<string | undefined> {
  if (request.detailsSealed === undefined || !can(principal, 'registry.readValues'))
    return undefined;
  try {
    return await ctx.store.db.transaction().execute(async (tx) => {
      const cipher = (await ctx.keys.ciphersFor(tx, [request.customerId])).get(request.customerId)!;
      const text = cipher.decrypt(
        Buffer.from(request.detailsSealed!, 'base64'),
        `request:${request.id}:details`,
      );
      await ctx.audit.append(tx, [
        {
          actor: principal.id,
          action: 'request.details.read',
          customerId: request.customerId,
          clauses: [request.kind],
          detail: { requestId: request.id },
        },
      ]);
      return text;
    });
  } catch (e) {
    // Erased with the customer's key (REQUEST.DELETION): nothing left to read.
    if (e instanceof HogoError && e.code.endsWith('.shredded')) return undefined;
    throw e;
  }
}
