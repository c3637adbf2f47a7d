import { Type, type Static } from '@sinclair/typebox';
import { CALLER_RELATIONS } from './caller-relation.ts';

/** PROVIDE.FAMILY: never friends, even living together; never a cohabitant who is not family. */
export const FAMILY_RELATIONS: ReadonlySet<string> = new Set(
  CALLER_RELATIONS.filter((r) => r !== 'friend' && r !== 'cohabitant'),
);

const Text = (description: string, maxLength: number) =>
  Type.String({ minLength: 1, maxLength, description });

/** A call from someone who answers as the customer's family. */
export const FamilyCallInput = Type.Object(
  {
    customerId: Type.String({ minLength: 1, maxLength: 64 }),
    relation: Type.Union(CALLER_RELATIONS.map((r) => Type.Literal(r))),
    callerName: Text('Who is calling, as they say.', 200),
    statedName: Text('The customer’s name, as the caller states it.', 200),
    statedAddress: Text('The customer’s address, as the caller states it.', 500),
    operatorNote: Type.Optional(
      Text('The outline of requirements the caller may be told (why the company calls).', 1000),
    ),
  },
  { additionalProperties: false },
);
export type FamilyCallInput = Static<typeof FamilyCallInput>;
