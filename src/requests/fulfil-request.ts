import type { RequestDeps } from './request-deps.ts';
import { HogoError } from '../errors/index.ts';
import { authorize, type Principal } from '../security/index.ts';
import { eraseNotices, sendAfterCommit } from '../notices/index.ts';
import { eraseItems } from '../registry/index.ts';
import { keptSummary, planDeletion } from '../retention/index.ts';
import { applyEvent, type ApplyOptions } from './apply-event.ts';
import { cipherFor } from './cipher-for.ts';
import type { CustomerRequest } from './customer-request.ts';
import { fulfilDisclosure, type DisclosurePackage } from './fulfil-disclosure.ts';
import {
  fulfilProvisionRecords,
  type ProvisionRecordsPackage,
} from './fulfil-provision-records.ts';
import { fulfilPurposesNotice } from './fulfil-purposes-notice.ts';
import { fulfilRegistryChange } from './fulfil-registry-change.ts';
import { keptSentence } from './kept-sentence.ts';
import { onRequest } from './on-request.ts';
import { outcomeNotice } from './outcome-notice.ts';
import type { FulfilInput } from './request-input.ts';
import type { RequestEvent } from './request-event.ts';
import { storePackage } from './store-package.ts';
import { transition } from './transition.ts';

/** Which fields of FulfilInput each kind takes; any other is refused. */
const FIELDS: Readonly<Record<string, readonly (keyof FulfilInput)[]>> = {
  'REQUEST.DISCLOSURE': [],
  'REQUEST.PROVISION_RECORDS': [],
  'REQUEST.PURPOSES': [],
  'REQUEST.AMENDMENT': ['amendments'],
  'REQUEST.ADDITION': ['additions'],
  'REQUEST.DELETION': [],
  'REQUEST.SUSPEND_USE': ['purposes'],
  'REQUEST.SUSPEND_PROVISION': ['purposes'],
};

/** The fulfilled request, and for a disclosure the package delivered (kept sealed for download). */
export interface FulfilResult {
  readonly request: CustomerRequest;
  readonly disclosure?: DisclosurePackage;
  readonly provisionRecords?: ProvisionRecordsPackage;
}

/**
 * Fulfils a request under way — wholly, or partly when `partial` names the ground refused
 * (APPI Art. 36). The registry change and the transition commit in one transaction: a
 * charged request is fulfilled only after payment because only a paid one can be inProgress
 * (REQUEST.FEE). Complaints and comments (REQUEST.COMPLAINT, REQUEST.COMMENT) are answered
 * without a registry change. A disclosure (REQUEST.DISCLOSURE) and a disclosure of provision
 * records (REQUEST.PROVISION_RECORDS, from the Art. 29 ledger) keep their package sealed for
 * the customer's download. A notice of the purposes of use (REQUEST.PURPOSES, APPI Art. 32(2))
 * names the purposes that apply to each category of the customer's items, told in the
 * outcome letter. Needs 'requests.manage' and the registry (or 'provision.read')
 * permissions of the change.
 */
export async function fulfilRequest(
  ctx: RequestDeps,
  principal: Principal,
  input: { readonly requestId: string } & FulfilInput,
): Promise<FulfilResult> {
  authorize(principal, 'requests.manage');
  let farewell: { readonly id: string; readonly to: string; readonly body: string } | null = null;
  const result = await onRequest(ctx, principal, input.requestId, async (tx, request, inTx) => {
    const at = ctx.clock();
    const event = (summary: Record<string, unknown>): RequestEvent =>
      input.partial === undefined
        ? { type: 'fulfil', summary, at, by: principal.id }
        : { type: 'fulfilPartly', refusal: input.partial, summary, at, by: principal.id };
    // Checked before the registry is touched: the state and the refusal, with no change yet.
    transition(request, event({}));
    checkFields(request.kind, input);
    if (input.partial !== undefined && request.kind === 'REQUEST.DELETION') {
      // RETAIN: what a deletion keeps is read from the policy file's duties and the holds in
      // force, and told item by item; a part chosen by hand would keep without a ground.
      throw new HogoError(
        'requests.invalid_fulfilment',
        'a deletion keeps only what a retention duty or a legal hold keeps (RETAIN), read at fulfilment; to keep anything else, refuse the request with its ground',
        { field: 'partial' },
      );
    }
    let disclosure: DisclosurePackage | undefined;
    let provisionRecords: ProvisionRecordsPackage | undefined;
    let summary: Record<string, unknown>;
    let options: ApplyOptions = {};
    if (request.kind === 'REQUEST.DISCLOSURE') {
      const built = await fulfilDisclosure(inTx, principal, request);
      disclosure = built.package;
      summary = built.summary;
      await storePackage(ctx, tx, disclosure);
    } else if (request.kind === 'REQUEST.PROVISION_RECORDS') {
      const built = await fulfilProvisionRecords(inTx, principal, request);
      provisionRecords = built.package;
      summary = built.summary;
      await storePackage(ctx, tx, provisionRecords);
    } else if (request.kind === 'REQUEST.PURPOSES') {
      summary = await fulfilPurposesNotice(inTx, principal, request);
    } else if (request.kind in FIELDS) {
      const plan =
        request.kind === 'REQUEST.DELETION'
          ? await planDeletion(inTx, tx, request.customerId)
          : null;
      if (plan !== null && plan.kept.length > 0) {
        // RETAIN, APPI Art. 35(5), 36: erase what nothing keeps, refuse the rest with its
        // ground (which items, which duty or hold, until when); the key lives on for the rest.
        const kept = keptSummary(plan.kept);
        const refusal = {
          reason: plan.held ? ('legalHold' as const) : ('retainedByDuty' as const),
          message: keptSentence(ctx.policy, kept, request.lang ?? 'ja'),
        };
        const partSummary = {
          deleted: false,
          erased: plan.erase,
          erasedCategories: plan.erasedCategories,
          kept,
        };
        const partEvent: RequestEvent =
          plan.erase.length === 0
            ? { type: 'refuse', refusal, at, by: principal.id }
            : { type: 'fulfilPartly', refusal, summary: partSummary, at, by: principal.id };
        // Written before the erasure, like a whole deletion's: the address may be erased.
        farewell = await outcomeNotice(inTx, tx, principal, transition(request, partEvent));
        await eraseItems(inTx, principal, {
          customerId: request.customerId,
          itemIds: plan.erase,
          clauses: ['REQUEST.DELETION', 'RETAIN'],
          requestId: request.id,
        });
        const done = await applyEvent(ctx, tx, principal, request, partEvent, {
          clauses: [...new Set(kept.map((k) => k.clause))],
        });
        return { request: done };
      }
      if (request.kind === 'REQUEST.DELETION') {
        // APPI Art. 35(7): the customer is told — but once erased, no address of theirs can be
        // read. The outcome letter is written now, and sent from memory after commit; the
        // customer's other notices are deleted with them, this one once it is sent.
        farewell = await outcomeNotice(inTx, tx, principal, transition(request, event({})));
        // A text still plain is sealed under the key the erasure is about to shred.
        options = { cipher: await cipherFor(ctx, tx, request.customerId) };
      }
      summary = await fulfilRegistryChange(inTx, principal, request, input);
      if (request.kind === 'REQUEST.DELETION') {
        // Erased: their notices leave the outbox too, but for this letter, sent from memory.
        const letter = farewell as { readonly id: string } | null;
        await eraseNotices(tx, request.customerId, letter?.id ?? null);
      }
    } else {
      summary = { answered: true };
    }
    const fulfilled = await applyEvent(ctx, tx, principal, request, event(summary), options);
    return {
      request: fulfilled,
      ...(disclosure !== undefined ? { disclosure } : {}),
      ...(provisionRecords !== undefined ? { provisionRecords } : {}),
    };
  });
  const letter = farewell as { id: string; to: string; body: string } | null;
  if (letter !== null) sendAfterCommit(ctx, [letter.id], new Map([[letter.id, letter]]));
  return result;
}

function checkFields(kind: string, input: FulfilInput): void {
  const allowed = FIELDS[kind] ?? [];
  for (const field of ['amendments', 'additions', 'purposes'] as const) {
    if (input[field] !== undefined && !allowed.includes(field))
      throw new HogoError('requests.invalid_fulfilment', `${kind} takes no ${field}`, { field });
  }
}
