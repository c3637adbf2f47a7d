import { Type, type Static } from '@sinclair/typebox';
import { CHANNELS, type Channel } from './channels.ts';

/**
 * The registry's input shapes: the HTTP edge validates bodies against them, bulk import
 * builds them from rows. Content (formats, categories, purposes) is checked when the input
 * is normalized, so that every problem names its field.
 */

const Text = (description: string, maxLength = 10_000) =>
  Type.String({ minLength: 1, maxLength, description });
const Instant = (description: string) =>
  Type.String({ maxLength: 64, description: `${description} ISO 8601 with an offset.` });

export { CHANNELS, type Channel };

/** PROVIDE.FAMILY: family only; never friends living together. */
export const RELATIONS = [
  'spouse',
  'parent',
  'child',
  'sibling',
  'grandparent',
  'grandchild',
  'otherRelative',
] as const;

/** PROVIDE.CLAIMS: the companies claims may be assigned to. */
export const CLAIMS_ASSIGNEES = ['docomo', 'ntt-finance'] as const;

const Literals = <T extends readonly string[]>(values: T, description: string) =>
  Type.Union(
    values.map((v) => Type.Literal(v)),
    { description },
  );

/** OBTAIN.CALLS: what a call recording item carries besides its reference. */
export const RecordingInput = Type.Object(
  {
    retentionEnd: Instant('OBTAIN.CALLS: kept until then.'),
    durationSeconds: Type.Optional(Type.Integer({ minimum: 0, maximum: 86_400 })),
    direction: Type.Optional(Literals(['inbound', 'outbound'] as const, 'Who called.')),
  },
  { additionalProperties: false },
);

/** One item of personal information with its provenance (OBTAIN). */
export const ItemInput = Type.Object(
  {
    category: Text('A category of the policy file (email, phone, name, …).', 64),
    value: Type.String({ maxLength: 10_000, description: 'The personal value; stored encrypted.' }),
    channel: Literals(CHANNELS, 'OBTAIN.CHANNEL: how it was obtained.'),
    source: Literals(['direct', 'indirect'] as const, 'OBTAIN.SOURCE: from the person or not.'),
    provider: Type.Optional(Text('OBTAIN.SOURCE: who provided it, when indirect.', 200)),
    acquiredAt: Instant('When it was obtained.'),
    service: Type.Optional(Text('The name of the customer’s service it was obtained under.', 200)),
    survey: Type.Optional(Text('The survey it was obtained under (PURPOSE.EXTRA).', 200)),
    recording: Type.Optional(RecordingInput),
  },
  { additionalProperties: false },
);
export type ItemInput = Static<typeof ItemInput>;

/** A new value for an item; provenance not given is kept. */
export const ItemUpdateInput = Type.Object(
  {
    value: ItemInput.properties.value,
    channel: Type.Optional(ItemInput.properties.channel),
    source: Type.Optional(ItemInput.properties.source),
    provider: ItemInput.properties.provider,
    acquiredAt: Type.Optional(Instant('When the new value was obtained; default: now.')),
  },
  { additionalProperties: false },
);
export type ItemUpdateInput = Static<typeof ItemUpdateInput>;

/** A service contract of the customer. */
export const ServiceInput = Type.Object(
  {
    name: Text('The service’s identifier, as the policy file names services.', 200),
    startedAt: Instant('When the contract started.'),
    endedAt: Type.Optional(Instant('When the contract ended.')),
    origin: Type.Optional(
      Text("Where the contract came from, e.g. 'docomo-transfer-2022-07-01'.", 200),
    ),
    claimsAssignee: Type.Optional(
      Literals(CLAIMS_ASSIGNEES, 'PROVIDE.CLAIMS: claims assigned to.'),
    ),
  },
  { additionalProperties: false },
);
export type ServiceInput = Static<typeof ServiceInput>;

/** A subscriber line (REQUEST.FEE is charged per line). */
export const SubscriberLineInput = Type.Object(
  { number: Text('The line’s phone number; stored encrypted.', 64) },
  { additionalProperties: false },
);
export type SubscriberLineInput = Static<typeof SubscriberLineInput>;

/** A customer with services, lines and items, registered whole or not at all. */
export const CustomerInput = Type.Object(
  {
    externalId: Type.Optional(Text('The customer’s number in another system.', 200)),
    group: Text("PURPOSE: 'REG' registered customer, 'OTH' other person.", 16),
    items: Type.Optional(Type.Array(ItemInput, { maxItems: 1000 })),
    services: Type.Optional(Type.Array(ServiceInput, { maxItems: 100 })),
    subscriberLines: Type.Optional(Type.Array(SubscriberLineInput, { maxItems: 100 })),
  },
  { additionalProperties: false },
);
export type CustomerInput = Static<typeof CustomerInput>;

/** A consent to a purpose, or its withdrawal (PURPOSE.NOTIFIED). */
export const ConsentInput = Type.Object(
  {
    purpose: Text('The purpose consented to (PURPOSE.NOTIFIED).', 200),
    at: Instant('When the customer consented (or withdrew the consent).'),
    withdraw: Type.Optional(Type.Boolean({ description: 'Withdraw the consent in force.' })),
  },
  { additionalProperties: false },
);
export type ConsentInput = Static<typeof ConsentInput>;

/** An opt-out of ad-platform use, or its withdrawal (ADS.OPT_OUT). */
export const OptOutInput = Type.Object(
  {
    at: Instant('ADS.OPT_OUT: when the customer opted out (or withdrew the opt-out).'),
    withdraw: Type.Optional(Type.Boolean({ description: 'Withdraw the opt-out in force.' })),
  },
  { additionalProperties: false },
);
export type OptOutInput = Static<typeof OptOutInput>;

/** A granted suspension of use or of provision (REQUEST.SUSPEND_*). */
export const SuspensionInput = Type.Object(
  {
    kind: Literals(['use', 'provision'] as const, 'REQUEST.SUSPEND_USE or SUSPEND_PROVISION.'),
    purposes: Type.Optional(
      Type.Array(Text('A purpose ID.', 200), {
        maxItems: 100,
        description: 'Purposes covered; absent: all that law allows to suspend.',
      }),
    ),
    from: Instant('When the suspension takes effect.'),
    until: Type.Optional(Instant('When it ends; absent: until lifted.')),
  },
  { additionalProperties: false },
);
export type SuspensionInput = Static<typeof SuspensionInput>;

/** A family member: another customer, or a named person (PROVIDE.FAMILY). */
export const FamilyLinkInput = Type.Object(
  {
    relation: Literals(RELATIONS, 'PROVIDE.FAMILY: the family relation.'),
    relatedCustomerId: Type.Optional(Text('The relative, when a customer too.', 64)),
    name: Type.Optional(Text('The relative’s name, when not a customer; stored encrypted.', 200)),
  },
  { additionalProperties: false },
);
export type FamilyLinkInput = Static<typeof FamilyLinkInput>;
