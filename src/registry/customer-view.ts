import { isoInstant, isoOrNull } from './iso-instant.ts';
import type { ItemView } from './item-view.ts';
import type { RegistryTables } from './registry-tables.ts';

/** A service contract on the wire. */
export interface ServiceView {
  readonly id: string;
  readonly name: string;
  readonly startedAt: string;
  readonly endedAt: string | null;
  readonly origin: string | null;
  readonly transferredFromDocomo: boolean;
  readonly claimsAssignee: string | null;
}

/** A subscriber line; its number only when the reader may see phone numbers. */
export interface SubscriberLineView {
  readonly id: string;
  readonly number?: string;
  readonly numberWithheld?: true;
  readonly createdAt: string;
  readonly endedAt: string | null;
}

/** A family link; the relative's name only when the reader may see names. */
export interface FamilyLinkView {
  readonly id: string;
  readonly relation: string;
  readonly relatedCustomerId: string | null;
  readonly name?: string;
  readonly nameWithheld?: true;
  readonly createdAt: string;
  readonly endedAt: string | null;
}

/** A customer with everything the registry holds of them (values as the reader may see). */
export interface CustomerView {
  readonly id: string;
  readonly externalId: string | null;
  readonly group: string;
  readonly createdAt: string;
  readonly items: readonly ItemView[];
  readonly services: readonly ServiceView[];
  readonly subscriberLines: readonly SubscriberLineView[];
  readonly familyLinks: readonly FamilyLinkView[];
  readonly consents: readonly {
    id: string;
    purpose: string;
    at: string;
    withdrawnAt: string | null;
  }[];
  readonly adOptOuts: readonly { id: string; at: string; withdrawnAt: string | null }[];
  readonly suspensions: readonly {
    id: string;
    kind: string;
    purposes: readonly string[] | null;
    from: string;
    until: string | null;
  }[];
}

/** A service row on the wire. */
export function serviceView(s: RegistryTables['services']): ServiceView {
  return {
    id: s.id,
    name: s.name,
    startedAt: isoInstant(s.started_at),
    endedAt: isoOrNull(s.ended_at),
    origin: s.origin,
    transferredFromDocomo: s.transferred_from_docomo === 1,
    claimsAssignee: s.claims_assignee,
  };
}

/** A consent row on the wire. */
export const consentView = (c: RegistryTables['consents']) => ({
  id: c.id,
  purpose: c.purpose,
  at: isoInstant(c.at),
  withdrawnAt: isoOrNull(c.withdrawn_at),
});

/** An opt-out row on the wire. */
export const optOutView = (o: RegistryTables['ad_opt_outs']) => ({
  id: o.id,
  at: isoInstant(o.at),
  withdrawnAt: isoOrNull(o.withdrawn_at),
});

/** A suspension row on the wire. */
export const suspensionView = (s: RegistryTables['suspensions']) => ({
  id: s.id,
  kind: s.kind,
  purposes: s.purposes === null ? null : (JSON.parse(s.purposes) as string[]),
  from: isoInstant(s.from_at),
  until: isoOrNull(s.until_at),
});
