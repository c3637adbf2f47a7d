import { Type, type Static } from '@sinclair/typebox';
import { RecipientId } from './recipient-input.ts';

const Text = (description: string, maxLength = 500) =>
  Type.String({ minLength: 1, maxLength, description });

/** §6 JOINT_USE: an entry of the joint-use register (APPI Art. 27(5)(iii)). */
export const JointUseInput = Type.Object(
  {
    jointUsers: Type.Array(RecipientId, {
      minItems: 1,
      maxItems: 100,
      description: 'Who uses the data jointly: recipients of kind jointUser.',
    }),
    items: Type.Array(Text('An item category of the policy.', 100), {
      minItems: 1,
      maxItems: 100,
      description: 'The items used jointly.',
    }),
    purposes: Type.Array(Text('A purpose of the joint use.', 1000), {
      minItems: 1,
      maxItems: 50,
    }),
    responsibleParty: Type.Object(
      {
        name: Text('The party responsible for managing the data.', 300),
        address: Text('Its address.'),
        representative: Text('Its representative.', 300),
      },
      { additionalProperties: false },
    ),
    startedAt: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 64,
        description: 'When the joint use starts (default now). ISO 8601 with an offset.',
      }),
    ),
  },
  { additionalProperties: false },
);
export type JointUseInput = Static<typeof JointUseInput>;
