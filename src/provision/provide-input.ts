import { Type, type Static } from '@sinclair/typebox';
import { RecipientId } from './recipient-input.ts';

const Id = Type.String({ minLength: 1, maxLength: 64 });

/** A provision of customers' items to a third party (§5 PROVIDE, §6 JOINT_USE). */
export const ProvideInput = Type.Object(
  {
    recipientId: RecipientId,
    customerIds: Type.Array(Id, { minItems: 1, maxItems: 10_000 }),
    itemCategories: Type.Optional(
      Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { minItems: 1, maxItems: 50 }),
    ),
    itemIds: Type.Optional(Type.Array(Id, { minItems: 1, maxItems: 10_000 })),
    purpose: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 200,
        description: 'A purpose ID (§3); none for a provision required by law (PROVIDE.AUTHORITY).',
      }),
    ),
    legalGround: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 64,
        description: 'PROVIDE.AUTHORITY: a ground of the policy file (legalObligations.grounds).',
      }),
    ),
    legalBasis: Type.Optional(
      Type.String({ minLength: 1, maxLength: 500, description: 'PROVIDE.AUTHORITY: the law.' }),
    ),
    documentReference: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 300,
        description: 'PROVIDE.AUTHORITY: the warrant or written inquiry.',
      }),
    ),
    values: Type.Optional(
      Type.Boolean({ description: 'Return the values provided (needs registry.readValues).' }),
    ),
  },
  { additionalProperties: false },
);
export type ProvideInput = Static<typeof ProvideInput>;
