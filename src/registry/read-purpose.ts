import type { Kysely } from 'kysely';
import type { RegistryDeps } from './registry-deps.ts';
import { HogoError } from '../errors/index.ts';
import { isDecisionError } from '../policy/index.ts';
import { can, type Principal } from '../security/index.ts';
import { decideForCustomersIn } from './decide-for-customers.ts';

/**
 * A read of values for the customer's own request or call, not a use for a purpose: the
 * request's legal basis (APPI Art. 33 disclosure, Art. 35–36 telling the outcome, PROVIDE.FAMILY
 * checking a caller) is recorded instead, and no suspension of use can withhold it. So is a
 * duty the law owes the person: telling them of a breach (APPI Art. 26(2), BREACH.NOTICE),
 * which reaches a customer who suspended every use too.
 */
export interface ReadBasis {
  /** The clause the read rests on ('REQUEST.DISCLOSURE', 'PROVIDE.FAMILY', …). */
  readonly clause: string;
  /** The customer's request being answered. */
  readonly requestId?: string;
  /** The family call being answered (PROVIDE.FAMILY). */
  readonly callId?: string;
  /** The incident whose persons are told (BREACH.NOTICE). */
  readonly incidentId?: string;
}

/** Why values are read: the purpose the use serves, or the customer's own request. */
export interface ReadReason {
  /** The purpose (a purpose clause of the policy) the read serves; decided like any use. */
  readonly purpose?: string;
  /** In-process only: a read for the customer's own request, on its legal basis. */
  readonly basis?: ReadBasis;
}

/** What the policy said about reading each item: permitted, or denied with its clauses. */
export interface ReadDecision {
  readonly permitted: ReadonlySet<string>;
  readonly denied: ReadonlyMap<string, readonly string[]>;
  /** What the audit entry of the read records: the purpose, or the basis. */
  readonly detail: Readonly<Record<string, unknown>>;
  /** When nothing may be read for the purpose: the refusal, to throw once the audit commits. */
  readonly refusal: HogoError | null;
}

/**
 * True when the read would decrypt values, so it must name why (SECURITY.6 with §3: every use
 * serves a listed purpose). Throws 'registry.purpose_required' naming the field when it does
 * not; reads without values, and principals who read none, need no purpose.
 */
export function requireReadReason(
  principal: Principal,
  wantsValues: boolean,
  reason: ReadReason,
): boolean {
  // SECURITY.4: values withheld from this principal (a lapsed training) are refused with why,
  // not silently left out.
  const withheld = wantsValues ? principal.withheld?.get('registry.readValues') : undefined;
  if (withheld !== undefined) throw withheld;
  const reads = wantsValues && can(principal, 'registry.readValues');
  if (reads && reason.purpose === undefined && reason.basis === undefined)
    throw new HogoError(
      'registry.purpose_required',
      'reading personal values needs the purpose they serve: give `purpose` (or read with values=false)',
      { field: 'purpose' },
    );
  return reads;
}

/**
 * Decides reading these items of one customer for the reason's purpose, as the policy decides
 * any use (suspensions REQUEST.SUSPEND_*, PURPOSE.NOTIFIED, transitional provisions), each
 * decision audited by the registry in the caller's transaction. A purpose outside the
 * principal's scope or unknown to the policy is thrown at once; when every item is denied, the
 * refusal cites the clauses of the denials. A basis (the customer's own request) permits all.
 */
export async function decideRead(
  ctx: RegistryDeps,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  tx: Kysely<any>,
  principal: Principal,
  customerId: string,
  itemIds: readonly string[],
  reason: ReadReason,
): Promise<ReadDecision> {
  if (reason.purpose === undefined) {
    const basis = reason.basis!;
    return {
      permitted: new Set(itemIds),
      denied: new Map(),
      detail: {
        basis: basis.clause,
        ...(basis.requestId !== undefined ? { requestId: basis.requestId } : {}),
        ...(basis.callId !== undefined ? { callId: basis.callId } : {}),
        ...(basis.incidentId !== undefined ? { incidentId: basis.incidentId } : {}),
      },
      refusal: null,
    };
  }
  const purpose = reason.purpose;
  const now = ctx.clock();
  const outcomes = await decideForCustomersIn(
    ctx,
    tx,
    principal,
    itemIds.map((itemId) => ({ customerId, itemId, purpose })),
    now,
  );
  const permitted = new Set<string>();
  const denied = new Map<string, readonly string[]>();
  outcomes.forEach((outcome, i) => {
    if (isDecisionError(outcome)) {
      const { code, message, path } = outcome.error;
      const field = path === 'purpose' || path === '' ? 'purpose' : path;
      throw new HogoError(code, message, { field, path: field });
    }
    if (outcome.decision === 'permit') permitted.add(itemIds[i]!);
    else denied.set(itemIds[i]!, outcome.clauses);
  });
  const clauses = [...new Set([...denied.values()].flat())].sort();
  const refusal =
    itemIds.length > 0 && permitted.size === 0
      ? new HogoError(
          'registry.read_denied',
          `the policy denies using this customer's values for ${purpose} (${clauses.join(', ')})`,
          { field: 'purpose', purpose, clauses },
        )
      : null;
  return { permitted, denied, detail: { purpose }, refusal };
}
