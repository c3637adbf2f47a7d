import { Type, type Static } from '@sinclair/typebox';
import { RECIPIENT_KINDS } from './recipient-kind.ts';

/**
 * The provision slice's input shapes: the HTTP edge validates bodies against them; the use
 * cases trust them.
 */

const Text = (description: string, maxLength = 500) =>
  Type.String({ minLength: 1, maxLength, description });
const Instant = (description: string) =>
  Type.String({
    minLength: 1,
    maxLength: 64,
    description: `${description} ISO 8601 with an offset.`,
  });

/** A recipient's id: lower-case words with hyphens ('docomo', 'ntt-finance'). */
export const RecipientId = Type.String({
  pattern: '^[a-z0-9][a-z0-9-]{0,62}$',
  description: 'The recipient’s id.',
});

const recipientFields = {
  legalName: Text('APPI Art. 29: the recipient’s legal name.', 300),
  address: Type.Optional(Text('APPI Art. 29: the recipient’s address.')),
  representative: Type.Optional(Text('APPI Art. 29: the representative’s name.', 300)),
  country: Type.String({
    pattern: '^[A-Z]{2}$',
    description: 'SECURITY.7, APPI Art. 28: ISO 3166-1 alpha-2 of where the data goes.',
  }),
  protectionRegime: Type.Optional(
    Text('SECURITY.7: the protection regime of that country, as known.', 4000),
  ),
  recordByContract: Type.Optional(
    Type.Boolean({ description: 'Rule 19: the contract serves as the provision record.' }),
  ),
};

/** A third party personal information may be provided to (§5, §6, §8). */
export const RecipientInput = Type.Object(
  {
    id: RecipientId,
    kind: Type.Union(
      RECIPIENT_KINDS.map((k) => Type.Literal(k)),
      { description: 'The kind of recipient.' },
    ),
    ...recipientFields,
  },
  { additionalProperties: false },
);
export type RecipientInput = Static<typeof RecipientInput>;

/** A change to a recipient: the fields given replace the stored ones. */
export const RecipientUpdateInput = Type.Partial(Type.Object(recipientFields), {
  additionalProperties: false,
});
export type RecipientUpdateInput = Static<typeof RecipientUpdateInput>;

/** PROVIDE.DUE_DILIGENCE: an agreement in force and the protective measures verified. */
export const DiligenceInput = Type.Object(
  {
    agreementReference: Text('The agreement in force (its reference, not its text).', 300),
    measures: Type.Array(Text('A protective measure verified.', 500), {
      minItems: 1,
      maxItems: 100,
    }),
    verifiedAt: Instant('When the measures were verified.'),
    expiresAt: Instant('When the verification must be renewed.'),
  },
  { additionalProperties: false },
);
export type DiligenceInput = Static<typeof DiligenceInput>;
