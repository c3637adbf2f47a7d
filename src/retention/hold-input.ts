import { Type, type Static } from '@sinclair/typebox';

/** RETAIN.HOLD: why data is held; a kind, never free text. */
export const HOLD_REASONS = [
  'dispute',
  'litigation',
  'preservationRequest',
  'investigation',
] as const;

/** A hold to place on a customer. */
export const HoldInput = Type.Object(
  {
    reason: Type.Union(
      HOLD_REASONS.map((r) => Type.Literal(r)),
      {
        description:
          'RETAIN.HOLD: a dispute, litigation, a preservation request or an investigation.',
      },
    ),
    reference: Type.Optional(
      Type.String({
        pattern: '^[A-Za-z0-9][A-Za-z0-9._/()-]{0,63}$',
        description:
          'A docket, case or letter number (letters, digits and . _ / ( ) -): never a name.',
      }),
    ),
    until: Type.Optional(
      Type.String({
        format: 'date-time',
        description: 'When the hold ends by itself (with offset); absent: until released.',
      }),
    ),
  },
  { additionalProperties: false },
);
export type HoldInput = Static<typeof HoldInput>;
