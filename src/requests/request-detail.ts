import type { AppContext } from '../app/app-context.ts';
import { authorize } from '../security/authorize.ts';
import type { Principal } from '../security/principal.ts';
import type { CustomerRequest } from './customer-request.ts';
import { dueStatus, type DueStatus } from './due-status.ts';
import { requireRequest } from './require-request.ts';
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
  readonly events: readonly RequestHistoryEntry[];
}

/** A request, where it stands against its due date, and every event in order. Needs 'requests.read'. */
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
  return {
    request,
    dueStatus: dueStatus(request, ctx.clock()),
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
