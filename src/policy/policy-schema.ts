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

/** One wording of a clause and the versions it is in force in (since ≤ version < until). */
export const ClauseTextSchema = Type.Object(
  { ...Validity, text: LocalizedText },
  { additionalProperties: false },
);

export const ClauseSchema = Type.Object(
  {
    id: ClauseId,
    section: Type.Optional(
      Type.String({
        description:
          "The page's section the clause appears in ('1'…, 'SP'); required: without it the public page would leave the clause out.",
      }),
    ),
    title: LocalizedText,
    text: Type.Optional(LocalizedText),
    texts: Type.Optional(
      Type.Array(ClauseTextSchema, {
        minItems: 1,
        description:
          'The wordings over time, instead of `text`: each with since/until, at most one in force in any version.',
      }),
    ),
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
    myNumberProcedure: Type.Optional(
      Type.String({
        minLength: 1,
        description:
          'My Number Act Art. 9, 19: the tax or social-security procedure this purpose carries out, citing the article. Only such purposes may use My Number (PURPOSE.MY_NUMBER); consent never makes another one.',
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

/** PROVIDE.AUTHORITY: a ground on which the law requires a provision (APPI Art. 27(1)(i)). */
export const LegalGroundSchema = Type.Object(
  {
    id: Type.String({ pattern: '^[A-Z][A-Z0-9_]*$' }),
    clause: ClauseId,
    recipientKinds: Type.Array(Type.String({ minLength: 1 }), { minItems: 1 }),
    law: Type.String({ minLength: 1, description: 'The law that requires the provision.' }),
    name: LocalizedText,
    categories: Type.Optional(
      Type.Array(Type.String({ minLength: 1 }), {
        description: 'The restricted categories this law may require (sensitive, My Number).',
      }),
    ),
    myNumberAct: Type.Optional(
      Type.String({ minLength: 1, description: 'My Number Act Art. 19: the case it falls under.' }),
    ),
  },
  { additionalProperties: false },
);

/** Which records of provision are kept out of the customer's packages, and why. */
export const WithheldSchema = Type.Object(
  {
    clause: ClauseId,
    recipientKinds: Type.Optional(Type.Array(Type.String({ minLength: 1 }), { minItems: 1 })),
    grounds: Type.Optional(Type.Array(Type.String({ minLength: 1 }), { minItems: 1 })),
    law: Type.String({ minLength: 1 }),
    reason: LocalizedText,
  },
  { additionalProperties: false },
);

/** Provisions under a legal obligation: their grounds and what is withheld from the customer. */
export const LegalObligationsSchema = Type.Object(
  {
    clause: ClauseId,
    restricted: Type.Array(Type.String({ minLength: 1 })),
    myNumberCategory: Type.Optional(Type.String({ minLength: 1 })),
    grounds: Type.Array(LegalGroundSchema, { minItems: 1 }),
    withheld: Type.Array(WithheldSchema),
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
    /**
     * The kind delivers a package the customer chooses how to receive (APPI Art. 33(1); the
     * records of provision, Art. 33(5)): a disclosure only (`checkPolicy` holds it to those).
     */
    deliversPackage: Type.Optional(Type.Boolean()),
    /** Fulfilling it works on the customer's items: the values amended, the items suspended. */
    needsCustomer: Type.Optional(Type.Boolean()),
    /** Fulfilling it chooses from the policy: the categories added, the purposes suspended. */
    needsPolicy: Type.Optional(Type.Boolean()),
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

/** Why a duty keeps data (RETAIN): while a contract runs, for years after it ends, or for claims assigned. */
export const RetentionReason = Type.Union(
  [Type.Literal('activeContract'), Type.Literal('afterContract'), Type.Literal('assignedClaims')],
  {
    description:
      "'activeContract': while the item's contract (or any, for an item of no service) is in force; 'afterContract': `years` after it ended; 'assignedClaims': while its claims are assigned to a collector (PROVIDE.CLAIMS).",
  },
);

/** A duty to keep items of some categories, whatever a deletion request asks (APPI Art. 35). */
export const RetentionDutySchema = Type.Object(
  {
    id: ClauseId,
    reason: RetentionReason,
    categories: Type.Array(Type.String({ minLength: 1 }), { minItems: 1 }),
    years: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 100, description: "'afterContract' only: how long." }),
    ),
    fromFiscalYearEnd: Type.Optional(
      Type.String({
        pattern: '^\\d{2}-\\d{2}$',
        description:
          "'afterContract' only (MM-DD): the years run from the end of the fiscal year in which the contract ended.",
      }),
    ),
    text: LocalizedText,
    law: Type.String({ minLength: 1, description: 'The law that imposes the duty.' }),
    reading: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);

/** What a breach clause decides (APPI Art. 26; PPC Rules 7–10); each duty appears once. */
export const BREACH_DUTIES = [
  'sensitive',
  'financial',
  'wrongful',
  'persons',
  'encrypted',
  'preliminary',
  'final',
  'notice',
  'telecom',
] as const;

export const BreachClauseSchema = Type.Object(
  {
    id: ClauseId,
    duty: Type.Union(
      BREACH_DUTIES.map((d) => Type.Literal(d)),
      { description: 'Which trigger, exemption or duty of the law this clause states.' },
    ),
    title: LocalizedText,
    text: LocalizedText,
    law: Type.String({ minLength: 1, description: 'The article of the law behind the clause.' }),
  },
  { additionalProperties: false },
);

/** Retention duties and legal holds (RETAIN): what a deletion or a purge must keep. */
export const RetentionSchema = Type.Object(
  {
    duties: Type.Array(RetentionDutySchema),
    holdClause: ClauseId,
    holdText: LocalizedText,
  },
  { additionalProperties: false },
);

export const BreachSchema = Type.Object(
  {
    preliminaryDays: Type.Integer({
      minimum: 1,
      maximum: 5,
      description:
        'Days for the preliminary report, the day of knowledge counting as day 1 (the PPC guideline reads "promptly" as 3–5 days).',
    }),
    clauses: Type.Array(BreachClauseSchema, { minItems: BREACH_DUTIES.length }),
  },
  { additionalProperties: false },
);

/** SECURITY.7 (APPI Art. 28; PPC Rules Art. 17): what is known of one foreign country. */
export const CountrySchema = Type.Object(
  {
    code: Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2.' }),
    name: LocalizedText,
    lawExists: Type.Boolean({
      description:
        'Rule 17(2)(ii): whether the country has a system protecting personal information.',
    }),
    law: LocalizedText,
    adequacy: Type.Union([Type.Literal('adequate'), Type.Literal('none')], {
      description:
        "Rule 15: 'adequate' when the PPC designates the country as having an equivalent system.",
    }),
    cbpr: Type.Boolean({ description: 'The country takes part in the APEC CBPR system.' }),
    oecdGaps: LocalizedText,
    governmentAccess: LocalizedText,
    localisation: LocalizedText,
    reviewed: Type.String({
      pattern: '^\\d{4}-\\d{2}-\\d{2}$',
      description: 'The day the entry was last reviewed (YYYY-MM-DD, policy time zone).',
    }),
  },
  { additionalProperties: false },
);

/** SECURITY.7: the register of foreign countries where data is stored or sent. */
export const CountriesSchema = Type.Object(
  {
    clause: ClauseId,
    home: Type.String({
      pattern: '^[A-Z]{2}$',
      description: 'The company’s own country: a recipient there needs no entry.',
    }),
    reviewMonths: Type.Integer({
      minimum: 1,
      maximum: 60,
      description: 'An entry is reviewed this often.',
    }),
    entries: Type.Array(CountrySchema),
  },
  { additionalProperties: false },
);

/** SECURITY.4: one training course staff of some roles must hold. */
export const CourseSchema = Type.Object(
  {
    id: Type.String({ pattern: '^[a-z0-9][a-z0-9-]{0,62}$' }),
    title: LocalizedText,
    validityMonths: Type.Integer({
      minimum: 1,
      maximum: 60,
      description: 'A completion holds this long.',
    }),
    roles: Type.Array(Type.String({ minLength: 1 }), {
      minItems: 1,
      description: 'The staff roles that must hold the course.',
    }),
  },
  { additionalProperties: false },
);

/** SECURITY.4: regular training, and what a staff user loses while theirs has lapsed. */
export const TrainingSchema = Type.Object(
  {
    clause: ClauseId,
    enforce: Type.Boolean({
      description:
        'true: a signed-in user whose required course lapsed (or was never completed) loses the withheld permissions.',
    }),
    withhold: Type.Array(Type.String({ pattern: '^[a-z]+\\.[A-Za-z]+$' }), {
      description: "The permissions withheld, e.g. 'registry.readValues'.",
    }),
    courses: Type.Array(CourseSchema),
  },
  { additionalProperties: false },
);

/** SECURITY.3: one question of a self-inspection checklist, citing the clause it checks. */
export const InspectionQuestionSchema = Type.Object(
  {
    id: Type.String({ pattern: '^[a-z0-9][a-z0-9-]{0,62}$' }),
    clause: ClauseId,
    text: LocalizedText,
  },
  { additionalProperties: false },
);

/** SECURITY.3: a checklist answered by each department every `everyMonths` months. */
export const InspectionChecklistSchema = Type.Object(
  {
    id: Type.String({ pattern: '^[a-z0-9][a-z0-9-]{0,62}$' }),
    clause: ClauseId,
    title: LocalizedText,
    everyMonths: Type.Integer({
      minimum: 1,
      maximum: 60,
      description: 'Each department answers the checklist this often.',
    }),
    firstDue: Type.String({
      pattern: '^\\d{4}-\\d{2}-\\d{2}$',
      description: 'The day the first inspection is due (YYYY-MM-DD, policy time zone).',
    }),
    departments: Type.Array(Type.String({ pattern: '^[a-z0-9][a-z0-9-]{0,62}$' }), {
      minItems: 1,
      description: 'The departments inspected, each on its own schedule.',
    }),
    questions: Type.Array(InspectionQuestionSchema, { minItems: 1 }),
  },
  { additionalProperties: false },
);

/** SECURITY.3: regular self-inspections and audits. */
export const InspectionsSchema = Type.Object(
  { clause: ClauseId, checklists: Type.Array(InspectionChecklistSchema) },
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
    legalObligations: Type.Optional(LegalObligationsSchema),
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
    retention: Type.Optional(RetentionSchema),
    breach: Type.Optional(BreachSchema),
    countries: Type.Optional(CountriesSchema),
    training: Type.Optional(TrainingSchema),
    inspections: Type.Optional(InspectionsSchema),
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
/** One dated wording of a clause. */
export type PolicyClauseText = Static<typeof ClauseTextSchema>;
export type PolicyPurpose = Static<typeof PurposeSchema>;
export type PolicyExtraPurpose = Static<typeof ExtraPurposeSchema>;
export type PolicyRule = Static<typeof RuleSchema>;
export type PolicyRequestKind = Static<typeof RequestKindSchema>;
export type PolicyLegalObligations = Static<typeof LegalObligationsSchema>;
export type PolicyLegalGround = Static<typeof LegalGroundSchema>;
export type PolicyWithheld = Static<typeof WithheldSchema>;
export type PolicyAdPlatform = Static<typeof AdPlatformSchema>;
export type Localized = Static<typeof LocalizedText>;
export type PolicyRetentionDuty = Static<typeof RetentionDutySchema>;
export type PolicyRetention = Static<typeof RetentionSchema>;
export type PolicyBreach = Static<typeof BreachSchema>;
export type PolicyBreachClause = Static<typeof BreachClauseSchema>;
export type BreachDuty = (typeof BREACH_DUTIES)[number];
export type PolicyCountry = Static<typeof CountrySchema>;
export type PolicyCountries = Static<typeof CountriesSchema>;
export type PolicyTraining = Static<typeof TrainingSchema>;
export type PolicyInspections = Static<typeof InspectionsSchema>;
export type PolicyChecklist = Static<typeof InspectionChecklistSchema>;
export type PolicyCourse = Static<typeof CourseSchema>;
