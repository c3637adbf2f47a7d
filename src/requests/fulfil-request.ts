import type { RequestDeps } from './request-deps.ts';
import { HogoError } from '../errors/index.ts';
import { authorize, type Principal } from '../security/index.ts';
import { sendAfterCommit } from '../notices/index.ts';
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
  const result = await onRequest(ctx, input.requestId, async (tx, request, inTx) => {
    const at = ctx.clock();
    const event = (summary: Record<string, unknown>): RequestEvent =>
      input.partial === undefined
        ? { type: 'fulfil', summary, at, by: principal.id }
        : { type: 'fulfilPartly', refusal: input.partial, summary, at, by: principal.id };
    // Checked before the registry is touched: the state and the refusal, with no change yet.
    transition(request, event({}));
    checkFields(request.kind, input);
    if (input.partial !== undefined && request.kind === 'REQUEST.DELETION') {
      // The erasure shreds the customer's data key: nothing of theirs could be kept, so a
      // "partly fulfilled" deletion would tell the customer something untrue (Art. 35(7)).
      throw new HogoError(
        'requests.invalid_fulfilment',
        'a deletion erases the customer whole; to keep anything, refuse the request with its ground',
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
      if (request.kind === 'REQUEST.DELETION') {
        // APPI Art. 35(7): the customer is told — but once erased, no address of theirs can be
        // read. The outcome letter is written now, and sent from memory after commit; its
        // outbox row becomes unreadable with the rest of the customer.
        farewell = await outcomeNotice(inTx, tx, principal, transition(request, event({})));
        // A text still plain is sealed under the key the erasure is about to shred.
        options = { cipher: await cipherFor(ctx, tx, request.customerId) };
      }
      summary = await fulfilRegistryChange(inTx, principal, request, input);
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
