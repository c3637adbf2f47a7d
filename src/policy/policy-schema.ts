import { Type, type Static } from '@sinclair/typebox';

/**
 * The schema of a policy file (`policies/<company>/policy.yaml`). One schema serves three
 * readers: the loader (structural validation), editors (`hogo policy schema` writes it as JSON
 * Schema) and the documentation. Semantic checks that a schema cannot express (unique IDs,
 * references, conditions) live in `check-policy.ts`.
 */

const ClauseId = Type.String({
  pattern: '^[A-Z][A-Z0-9_]*(\\.[A-Za-z0-9_-]+)*$',
  description: 'A clause ID such as PURPOSE.REG.1a or PROVIDE.FAMILY.',
});

const VersionId = Type.String({
  pattern: '^\\d{4}-\\d{2}-\\d{2}$',
  description: 'A version, named by the date it took effect (YYYY-MM-DD, in the policy time zone).',
});

const Text = Type.String({ minLength: 1 });

/** Text in each language of the policy; `draft: true` marks a drafted, unreviewed translation. */
export const LocalizedText = Type.Object(
  {
    en: Text,
    ja: Type.Optional(Text),
    jaDraft: Type.Optional(
      Type.Boolean({ description: 'true when the Japanese text is a drafted translation.' }),
    ),
  },
  { additionalProperties: false },
);

const Condition = Type.String({
  minLength: 1,
  description:
    'An expression in the condition language (docs/policy-language.md) over the decision facts.',
});

const Validity = {
  since: Type.Optional(VersionId),
  until: Type.Optional(VersionId),
};

export const VersionSchema = Type.Object(
  {
    id: VersionId,
    clause: Type.Optional(ClauseId),
    summary: LocalizedText,
    changes: Type.Union([Type.Literal('recorded'), Type.Literal('unknown')], {
      description:
        "'recorded' when the file holds what the revision changed; 'unknown' when the source text does not say.",
    }),
    note: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);

export const ClauseSchema = Type.Object(
  {
    id: ClauseId,
    section: Type.Optional(Type.String()),
    title: LocalizedText,
    text: Type.Optional(LocalizedText),
    reading: Type.Optional(Type.String({ description: 'How an ambiguous text is read, and why.' })),
    law: Type.Optional(Type.String({ description: 'The law behind the clause.' })),
  },
  { additionalProperties: false },
);

export const GroupSchema = Type.Object(
  { id: Type.String({ minLength: 1 }), name: LocalizedText },
  { additionalProperties: false },
);

export const PurposeSchema = Type.Object(
  {
    id: ClauseId,
    group: Type.String({ minLength: 1 }),
    text: LocalizedText,
    ...Validity,
    condition: Type.Optional(Condition),
    conditionClause: Type.Optional(ClauseId),
    conditionReason: Type.Optional(LocalizedText),
    suspendable: Type.Optional(
      Type.Boolean({
        description:
          'Whether a suspension of use that names no purposes covers this one (default true).',
      }),
    ),
    reading: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);

export const ExtraPurposeSchema = Type.Object(
  {
    id: ClauseId,
    group: Type.String({ minLength: 1 }),
    text: LocalizedText,
    specifiedAt: Type.String({
      pattern: '^\\d{4}-\\d{2}-\\d{2}(T.*)?$',
      description: 'When the purpose was specified (a date, or a date-time with offset).',
    }),
    services: Type.Optional(Type.Array(Type.String({ minLength: 1 }))),
    surveys: Type.Optional(Type.Array(Type.String({ minLength: 1 }))),
    until: Type.Optional(VersionId),
  },
  { additionalProperties: false },
);

export const RuleSchema = Type.Object(
  {
    id: ClauseId,
    effect: Type.Literal('deny'),
    when: Condition,
    cites: Type.Optional(Type.Array(ClauseId)),
    reason: LocalizedText,
    ...Validity,
    reading: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);

export const RecipientKindSchema = Type.Object(
  {
    id: Type.String({ minLength: 1 }),
    clause: ClauseId,
    name: LocalizedText,
  },
  { additionalProperties: false },
);

export const AdPlatformSchema = Type.Object(
  {
    id: Type.String({ minLength: 1 }),
    name: LocalizedText,
    product: Type.String(),
    country: Type.String({ pattern: '^[A-Z]{2}$' }),
    accepts: Type.Array(Type.String({ minLength: 1 }), { minItems: 1 }),
    fields: Type.Array(Type.String({ minLength: 1 })),
    reading: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);

export const RequestKindSchema = Type.Object(
  {
    id: ClauseId,
    name: LocalizedText,
    dueDays: Type.Integer({ minimum: 1 }),
    fee: Type.Optional(
      Type.Object(
        {
          amount: Type.Integer({ minimum: 0 }),
          taxRate: Type.Number({ minimum: 0, maximum: 1 }),
          per: Type.Union([Type.Literal('subscriberLine'), Type.Literal('request')]),
          currency: Type.String({ pattern: '^[A-Z]{3}$' }),
          irregularSurcharge: Type.Optional(Type.Boolean()),
          /** The largest surcharge staff may set, before tax; absent, hogo's ceiling. */
          maxSurcharge: Type.Optional(Type.Integer({ minimum: 1 })),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

export const PolicySchema = Type.Object(
  {
    schema: Type.Literal('hogo/policy@1'),
    id: Type.String({ pattern: '^[a-z0-9-]+$' }),
    company: LocalizedText,
    title: LocalizedText,
    timezone: Type.Object(
      {
        name: Type.String(),
        offset: Type.String({ pattern: '^[+-]\\d{2}:\\d{2}$' }),
      },
      {
        additionalProperties: false,
        description:
          'The zone in which the policy’s dates are read. A fixed offset: Asia/Tokyo has no daylight saving.',
      },
    ),
    enacted: VersionId,
    intro: Type.Optional(LocalizedText),
    versions: Type.Array(VersionSchema, { minItems: 1 }),
    clauses: Type.Array(ClauseSchema),
    groups: Type.Array(GroupSchema, { minItems: 1 }),
    categories: Type.Array(
      Type.Object(
        { id: Type.String({ minLength: 1 }), name: LocalizedText },
        { additionalProperties: false },
      ),
      { minItems: 1 },
    ),
    purposes: Type.Array(PurposeSchema, { minItems: 1 }),
    extraPurposes: Type.Optional(Type.Array(ExtraPurposeSchema)),
    recipientKinds: Type.Array(RecipientKindSchema, { minItems: 1 }),
    adPlatforms: Type.Array(AdPlatformSchema),
    rules: Type.Array(RuleSchema),
    permit: Type.Object(
      {
        cites: Type.Optional(Type.Array(ClauseId)),
        reason: LocalizedText,
        consentReason: LocalizedText,
        afterTerminationClause: Type.Optional(ClauseId),
        extraPurposeClause: Type.Optional(ClauseId),
      },
      { additionalProperties: false },
    ),
    unknownPurpose: Type.Object(
      { clause: ClauseId, reason: LocalizedText },
      { additionalProperties: false },
    ),
    notInForce: Type.Object(
      { clause: ClauseId, reason: LocalizedText },
      { additionalProperties: false },
    ),
    requestKinds: Type.Array(RequestKindSchema, { minItems: 1 }),
    contacts: Type.Optional(
      Type.Array(
        Type.Object(
          {
            clause: ClauseId,
            name: LocalizedText,
            url: Type.Optional(Type.String()),
          },
          { additionalProperties: false },
        ),
      ),
    ),
  },
  { additionalProperties: false },
);

export type PolicyDocument = Static<typeof PolicySchema>;
export type PolicyVersion = Static<typeof VersionSchema>;
export type PolicyClause = Static<typeof ClauseSchema>;
export type PolicyPurpose = Static<typeof PurposeSchema>;
export type PolicyExtraPurpose = Static<typeof ExtraPurposeSchema>;
export type PolicyRule = Static<typeof RuleSchema>;
export type PolicyRequestKind = Static<typeof RequestKindSchema>;
export type PolicyAdPlatform = Static<typeof AdPlatformSchema>;
export type Localized = Static<typeof LocalizedText>;
