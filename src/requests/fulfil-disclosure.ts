import { createHash } from 'node:crypto';
import type { RequestDeps } from './request-deps.ts';
import { HogoError } from '../errors/index.ts';
import { countriesForPackage, type PackageCountry } from '../governance/index.ts';
import { isDecisionError, type WithholdingStatement } from '../policy/index.ts';
import { recordsForCustomerPackage, type ProvisionRecordView } from '../provision/index.ts';
import { decideForCustomers, readCustomer } from '../registry/index.ts';
import { purposeInScope, type Principal } from '../security/index.ts';
import type { CustomerRequest } from './customer-request.ts';

/** A purpose that applies to an item now, with the clauses the decision cites. */
export interface DisclosedPurpose {
  readonly purpose: string;
  readonly text: { readonly en: string; readonly ja?: string };
  readonly clauses: readonly string[];
}

/** What a disclosure delivers (REQUEST.DISCLOSURE, APPI Art. 33): never stored, only its digest. */
export interface DisclosurePackage {
  readonly format: 'hogo/disclosure@1';
  readonly requestId: string;
  readonly customerId: string;
  readonly generatedAt: string;
  readonly deliveryMethod: 'electronic' | 'paper' | null;
  readonly items: readonly (Record<string, unknown> & {
    readonly purposes: readonly DisclosedPurpose[];
  })[];
  readonly subscriberLines: readonly unknown[];
  readonly services: readonly unknown[];
  readonly consents: readonly unknown[];
  readonly adOptOuts: readonly unknown[];
  readonly suspensions: readonly unknown[];
  /** The records of provision to third parties still kept (APPI Art. 29), newest first. */
  readonly provisionRecords: readonly ProvisionRecordView[];
  /** PROVIDE.AUTHORITY: which records the policy file keeps out of this package, and why. */
  readonly withheldRecords: readonly WithholdingStatement[];
  /**
   * SECURITY.7 (APPI Art. 28(2); PPC Rules Art. 17(2)): the protection system of each foreign
   * country the records name, from the register.
   */
  readonly foreignCountries: readonly PackageCountry[];
}

/**
 * Builds the disclosure package: every current item with its value and provenance (OBTAIN),
 * and the purposes that apply to it now — each listed purpose of the customer's group that
 * `decide` permits at this moment, with its clauses. The principal must see every value and
 * have every such purpose in scope ('auth.forbidden' otherwise: a disclosure cannot be
 * partial by accident of scope). With them, the records of provision to third parties from
 * the Art. 29 ledger. Reads and decisions are audited by the registry, the ledger read by the
 * provision slice.
 */
export async function fulfilDisclosure(
  ctx: RequestDeps,
  principal: Principal,
  request: CustomerRequest,
): Promise<{ readonly package: DisclosurePackage; readonly summary: Record<string, unknown> }> {
  // APPI Art. 33: the person's own request is the read's legal basis; no suspension of use the
  // person asked for may withhold their disclosure, so it is not decided as a use.
  const customer = await readCustomer(ctx, principal, {
    customerId: request.customerId,
    basis: { clause: request.kind, requestId: request.id },
  });
  if (customer.items.some((i) => i.valueWithheld === true))
    throw new HogoError(
      'auth.forbidden',
      'a disclosure needs a principal who may read every category of the customer',
      { permission: 'registry.readValues' },
    );
  const purposes = [...ctx.policy.purposes.values()].filter(
    (p) => p.group === customer.group && p.kind === 'listed',
  );
  if (purposes.some((p) => !purposeInScope(principal, p.id)))
    throw new HogoError(
      'auth.forbidden',
      'a disclosure needs a principal whose scope covers every purpose of the customer’s group',
      { permission: 'decide.customer' },
    );
  const at = new Date(ctx.clock()).toISOString();
  const inputs = customer.items.flatMap((item) =>
    purposes.map((p) => ({ customerId: customer.id, itemId: item.id, purpose: p.id, at })),
  );
  const outcomes = await decideForCustomers(ctx, principal, inputs);
  const permitted = new Map<string, DisclosedPurpose[]>();
  outcomes.forEach((o, i) => {
    const input = inputs[i]!;
    if (isDecisionError(o) || o.decision !== 'permit') return;
    const purpose = ctx.policy.purposes.get(input.purpose)!;
    const list = permitted.get(input.itemId) ?? [];
    list.push({ purpose: purpose.id, text: purpose.text, clauses: o.clauses });
    permitted.set(input.itemId, list);
  });
  const { records: provisionRecords, withheld } = await recordsForCustomerPackage(
    ctx,
    principal,
    customer.id,
  );
  const pkg: DisclosurePackage = {
    format: 'hogo/disclosure@1',
    requestId: request.id,
    customerId: customer.id,
    generatedAt: at,
    deliveryMethod: request.deliveryMethod,
    items: customer.items.map((item) => ({ ...item, purposes: permitted.get(item.id) ?? [] })),
    subscriberLines: customer.subscriberLines,
    services: customer.services,
    consents: customer.consents,
    adOptOuts: customer.adOptOuts,
    suspensions: customer.suspensions,
    provisionRecords,
    withheldRecords: withheld,
    foreignCountries: countriesForPackage(
      ctx.policy,
      ctx.clock(),
      provisionRecords.map((r) => r.recipient.country),
    ),
  };
  const sha256 = createHash('sha256').update(JSON.stringify(pkg)).digest('hex');
  return {
    package: pkg,
    summary: { items: pkg.items.length, records: provisionRecords.length, sha256 },
  };
}
