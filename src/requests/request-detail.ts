import type { RequestDeps } from './request-deps.ts';
import { authorize, type Principal } from '../security/index.ts';
import { dueStatus, type DueStatus } from './due-status.ts';
import { hasPackage } from './has-package.ts';
import { readRequestTexts } from './read-request-texts.ts';
import { requireRequest } from './require-request.ts';
import { refusalGrounds, type RefusalGrounds } from './refusal-reason.ts';
import { requestSteps, type RequestStep } from './request-steps.ts';
import { requestsDb } from './request-tables.ts';
import { requestView, type RequestView } from './request-view.ts';

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
  /** Its free texts (what the customer wrote, a refusal's sentence …) shown as `readRequestTexts` allows. */
  readonly request: RequestView;
  readonly dueStatus: DueStatus;
  /** The steps the principal may take now (the transition table and its permissions). */
  readonly steps: readonly RequestStep[];
  /** The law's grounds it may be refused on now, wholly or in part (`refusalGrounds`). */
  readonly refusals: RefusalGrounds;
  readonly events: readonly RequestHistoryEntry[];
  /** Whether its package (a fulfilled disclosure's) is kept for download. */
  readonly packageAvailable: boolean;
}

/**
 * A request, where it stands against its due date, and every event in order; its free texts
 * (what the customer wrote, a refusal's sentence, a cancellation's reason, an agent's evidence,
 * a payment's reference, a surcharge's reason) only for a principal with 'registry.readValues'
 * and a scope of every category (audited as 'request.details.read'), sealed for anyone else,
 * erased once the customer's key was shredded. Needs 'requests.read'.
 */
export async function requestDetail(
  ctx: RequestDeps,
  principal: Principal,
  input: { readonly requestId: string },
): Promise<RequestDetail> {
  authorize(principal, 'requests.read');
  const request = await requireRequest(ctx.store.db, input.requestId, { principal });
  const rows = await requestsDb(ctx.store.db)
    .selectFrom('request_events')
    .selectAll()
    .where('request_id', '=', request.id)
    .orderBy('seq')
    .execute();
  const texts = await readRequestTexts(ctx, principal, request);
  return {
    request: requestView(request, texts),
    dueStatus: dueStatus(request, ctx.clock()),
    steps: requestSteps(request, principal),
    refusals: refusalGrounds(request.kind, request.state),
    events: rows.map((r) => ({
      seq: Number(r.seq),
      type: r.type,
      from: r.from_state,
      to: r.to_state,
      actor: r.actor,
      at: new Date(Number(r.at)).toISOString(),
      detail: r.detail === null ? null : (JSON.parse(r.detail) as Record<string, unknown>),
    })),
    packageAvailable: await hasPackage(ctx.store.db, request.id),
  };
}
