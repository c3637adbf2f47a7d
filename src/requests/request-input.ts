import { Type, type Static } from '@sinclair/typebox';
import { ItemInput, ItemUpdateInput } from '../registry/index.ts';
import { REFUSAL_REASON_CODES } from './refusal-reason.ts';

/**
 * The requests slice's input shapes: the HTTP edge validates bodies against them; use cases
 * check what depends on the policy or the registry (kinds, lines, items).
 */

const Id = (description: string) => Type.String({ minLength: 1, maxLength: 64, description });
const Text = (description: string, maxLength = 2000) =>
  Type.String({ minLength: 1, maxLength, description });

/** APPI Art. 37: the customer, or an agent with the authority that was checked. */
export const RequesterInput = Type.Union([
  Type.Object({ type: Type.Literal('customer') }, { additionalProperties: false }),
  Type.Object(
    {
      type: Type.Literal('agent'),
      authority: Type.Union([Type.Literal('legalRepresentative'), Type.Literal('appointedAgent')]),
      evidence: Text('The document that proves the authority (e.g. power of attorney).', 200),
    },
    { additionalProperties: false },
  ),
]);

/** A request as filed (§9). */
export const FileRequestInput = Type.Object(
  {
    kind: Text('A request kind: clause ID (REQUEST.DISCLOSURE) or short name (disclosure).', 64),
    customerId: Id('The customer the request is about.'),
    requester: RequesterInput,
    channel: Type.Union(
      [
        Type.Literal('helpdesk'),
        Type.Literal('web'),
        Type.Literal('post'),
        Type.Literal('counter'),
      ],
      { description: 'How the request reached us (REQUEST.WEB for web).' },
    ),
    lineIds: Type.Optional(
      Type.Array(Id('A subscriber line of the customer.'), {
        maxItems: 100,
        description: 'REQUEST.FEE is charged per line named.',
      }),
    ),
    deliveryMethod: Type.Optional(
      Type.Union([Type.Literal('electronic'), Type.Literal('paper')], {
        description: 'APPI Art. 33(1): how a disclosure is delivered.',
      }),
    ),
    receivedAt: Type.Optional(
      Type.String({
        maxLength: 64,
        description: 'When received, ISO 8601 with offset; default now.',
      }),
    ),
    lang: Type.Optional(
      Type.Union([Type.Literal('en'), Type.Literal('ja')], {
        description: 'The language of letters and packages to the customer; default ja.',
      }),
    ),
    details: Type.Optional(
      Text('What the customer wrote; kept sealed under their data key.', 4000),
    ),
  },
  { additionalProperties: false },
);
export type FileRequestInput = Static<typeof FileRequestInput>;

/**
 * REQUEST.WEB: a request the customer files on the website — the customer comes from the
 * requester token and the channel is 'web'; the time of receipt is the server's.
 */
export const PublicFileRequestInput = Type.Omit(FileRequestInput, [
  'customerId',
  'channel',
  'receivedAt',
]);
export type PublicFileRequestInput = Static<typeof PublicFileRequestInput>;

/** How the requester's identity was confirmed at the helpdesk. */
export const IDENTITY_METHODS = ['helpdeskKnowledge', 'callback', 'idDocument'] as const;

/** A refusal: the law's ground and a sentence for the customer (APPI Art. 36). */
export const RefusalInput = Type.Object(
  {
    reason: Type.Union(REFUSAL_REASON_CODES.map((c) => Type.Literal(c))),
    message: Text('What the customer is told.'),
  },
  { additionalProperties: false },
);
export type RefusalInput = Static<typeof RefusalInput>;

/** The identity check, and an irregular-request surcharge set by staff (REQUEST.FEE). */
export const VerifyInput = Type.Object(
  {
    method: Type.Union(IDENTITY_METHODS.map((m) => Type.Literal(m))),
    surcharge: Type.Optional(
      Type.Object(
        { amount: Type.Integer({ minimum: 1 }), reason: Text('Why it is charged.', 500) },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);
export type VerifyInput = Static<typeof VerifyInput>;

/** What fulfilment does, by kind; fields that do not belong to the kind are refused. */
export const FulfilInput = Type.Object(
  {
    amendments: Type.Optional(
      Type.Array(
        Type.Object(
          { itemId: Id('An item of the customer.'), update: ItemUpdateInput },
          { additionalProperties: false },
        ),
        { minItems: 1, maxItems: 100, description: 'REQUEST.AMENDMENT: new values.' },
      ),
    ),
    additions: Type.Optional(
      Type.Array(ItemInput, { minItems: 1, maxItems: 100, description: 'REQUEST.ADDITION.' }),
    ),
    purposes: Type.Optional(
      Type.Array(Text('A purpose ID.', 200), {
        maxItems: 100,
        description: 'REQUEST.SUSPEND_USE: the purposes to suspend; absent: all the law allows.',
      }),
    ),
    partial: Type.Optional(RefusalInput),
  },
  { additionalProperties: false },
);
export type FulfilInput = Static<typeof FulfilInput>;
