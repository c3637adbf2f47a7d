import type { ErrorCode } from '../errors/index.ts';
import { Type, type Static, type TLiteral, type TString, type TUnion } from '@sinclair/typebox';

/**
 * The public "may we use this?" request (docs/decision-format.md). The schema is built from
 * the policy, so that the categories, groups and recipient kinds are the policy file's own.
 */

const INSTANT_PATTERN =
  '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2})$';

/** The longest string any field of the decision facts form may hold (bounds the answer too). */
export const MAX_TEXT_LENGTH = 200;

/** Said of an instant that is not one, by the schema and by decide alike. */
export const INSTANT_MESSAGE =
  'must be an ISO 8601 date-time with an offset, e.g. 2026-01-10T09:00:00+09:00';

const Enum = (values: readonly string[], description: string): TUnion<TLiteral<string>[]> =>
  Type.Union(
    values.map((v) => Type.Literal(v)),
    { description, errorMessage: `must be one of: ${values.join(', ')}` },
  );

/**
 * Builds the request schema for a policy's categories, groups and recipient kinds: the
 * published contract (OpenAPI). `readDecisionRequest` reads requests to the same rules in one
 * pass; a property test holds the two to the same answers.
 */
export function decisionRequestSchema(vocabulary: {
  readonly groups: readonly string[];
  readonly categories: readonly string[];
  readonly recipientKinds: readonly string[];
}) {
  const Instant = (description: string): TString =>
    Type.String({ pattern: INSTANT_PATTERN, description, errorMessage: INSTANT_MESSAGE });
  return Type.Object(
    {
      at: Type.Optional(Instant('When the use happens; default: now.')),
      purpose: Type.String({
        minLength: 1,
        maxLength: MAX_TEXT_LENGTH,
        description: 'A purpose clause ID, or an extra purpose ID of the policy file.',
        errorMessage: 'must be a purpose ID such as PURPOSE.REG.7',
      }),
      customer: Type.Object(
        {
          group: Enum(vocabulary.groups, 'The group of the customer’s personal information.'),
          adOptOut: Type.Optional(Type.Boolean({ description: 'Opted out of ad-platform use.' })),
          suspensions: Type.Optional(
            Type.Array(
              Type.Object({
                kind: Enum(
                  ['use', 'provision'],
                  'Suspension of use, or of provision to third parties.',
                ),
                from: Instant('When the suspension took effect.'),
                purposes: Type.Optional(
                  Type.Array(Type.String({ minLength: 1, maxLength: MAX_TEXT_LENGTH }), {
                    description: 'Purposes covered; absent: all that law allows to suspend.',
                  }),
                ),
              }),
              { description: 'Granted requests to suspend.' },
            ),
          ),
          consents: Type.Optional(
            Type.Array(
              Type.Object({
                purpose: Type.String({ minLength: 1, maxLength: MAX_TEXT_LENGTH }),
                at: Instant('When the customer consented.'),
              }),
              { description: 'Consents to purposes not notified when the item was acquired.' },
            ),
          ),
        },
        { errorMessage: 'must be an object with a group' },
      ),
      item: Type.Object(
        {
          category: Enum(vocabulary.categories, 'The item’s category.'),
          acquiredAt: Instant('When the item was acquired.'),
          service: Type.Optional(
            Type.Object({
              id: Type.String({ minLength: 1, maxLength: MAX_TEXT_LENGTH }),
              transferredFromDocomo: Type.Optional(Type.Boolean()),
              endedAt: Type.Optional(Instant('When the service contract ended, if it has.')),
            }),
          ),
          survey: Type.Optional(Type.String({ minLength: 1, maxLength: MAX_TEXT_LENGTH })),
        },
        { errorMessage: 'must be an object with a category and acquiredAt' },
      ),
      recipient: Type.Optional(
        Type.Object({
          kind: Enum(vocabulary.recipientKinds, 'The kind of third party.'),
          id: Type.Optional(Type.String({ minLength: 1, maxLength: MAX_TEXT_LENGTH })),
        }),
      ),
    },
    { errorMessage: 'must be a JSON object', description: 'A decision request.' },
  );
}

export type DecisionRequest = Static<ReturnType<typeof decisionRequestSchema>>;

/** A permit or a deny, with the clauses it rests on. */
export interface DecisionResult {
  readonly decision: 'permit' | 'deny';
  readonly clauses: readonly string[];
  readonly policyVersion: string | null;
  readonly reason: { readonly en: string; readonly ja: string };
}

/** In place of a result, for a request that is not of the documented form. */
export interface DecisionError {
  readonly error: { readonly code: ErrorCode; readonly message: string; readonly path: string };
}

export type DecisionOutcome = DecisionResult | DecisionError;

/** True when the outcome is an error for a malformed request. */
export function isDecisionError(outcome: DecisionOutcome): outcome is DecisionError {
  return 'error' in outcome;
}

/** The JSON Schema of a result, for OpenAPI. */
export const DecisionOutcomeSchema = Type.Union([
  Type.Object({
    decision: Type.Union([Type.Literal('permit'), Type.Literal('deny')]),
    clauses: Type.Array(Type.String()),
    policyVersion: Type.Union([Type.String(), Type.Null()]),
    reason: Type.Object({ en: Type.String(), ja: Type.String() }),
  }),
  Type.Object({
    error: Type.Object({ code: Type.String(), message: Type.String(), path: Type.String() }),
  }),
]);
