import {
  compileCondition,
  compileConditionBits,
  parseInstant,
  type Condition,
  type ConditionBits,
} from './condition-language.ts';
import { decisionRequestSchema, type DecisionRequest } from './decision-request.ts';
import { requestVocabulary, type RequestVocabulary } from './read-decision-request.ts';
import type { Localized, PolicyDocument } from './policy-schema.ts';

/** A sentence in each language, as a result carries it. */
export interface Reason {
  readonly en: string;
  readonly ja: string;
}

export interface CompiledVersion {
  readonly id: string;
  readonly index: number;
  readonly start: number;
}

export interface CompiledPurpose {
  readonly id: string;
  readonly group: string;
  readonly kind: 'listed' | 'extra';
  readonly text: Localized;
  readonly suspendable: boolean;
  /** My Number Act Art. 9, 19: a procedure of the Act, the only purposes that may use My Number. */
  readonly myNumberProcedure: boolean;
  /** First version index in force (listed purposes). */
  readonly sinceIndex: number;
  /** First version index no longer in force. */
  readonly untilIndex: number;
  /** Extra purposes: the instant they were specified, and what they bind. */
  readonly specifiedAt: number;
  readonly services: ReadonlySet<string>;
  readonly surveys: ReadonlySet<string>;
  readonly condition: Condition | null;
  readonly conditionClause: string | null;
  /** The clauses a permit cites before the recipient's and the consent's. */
  readonly permitClauses: readonly string[];
  /** Made once, so the common results allocate no array: a plain permit, a permit to a kind. */
  readonly permitPlain: readonly string[];
  readonly permitTo: ReadonlyMap<string, readonly string[]>;
  /** A deny because the purpose is not in force for the customer at that date. */
  readonly denyUnknown: readonly string[];
  /** A deny by the purpose's condition alone, or by one rule alone (indexed like rules). */
  readonly denyByCondition: readonly string[];
  readonly denyByRule: readonly (readonly string[])[];
  /**
   * Denies by several failures, made the first time each combination occurs: keyed by a bit
   * per failing rule (its index in `rules`) and bit 0 for the purpose's own condition.
   */
  readonly denyCombined: Map<number, readonly string[]>;
  /**
   * Permits that also cite consent or the after-termination clause, made the first time each
   * occurs: per base array (permitPlain or a permitTo entry), indexed 1 consent, 2 termination,
   * 3 both.
   */
  readonly permitVariants: Map<readonly string[], (readonly string[] | undefined)[]>;
  /** Per version index: the sentences for each outcome, with {purpose}… filled in. */
  readonly reasons: readonly PurposeReasons[];
}

export interface PurposeReasons {
  readonly permit: Reason;
  readonly consent: Reason;
  readonly condition: Reason;
  /** Indexed like `CompiledPolicy.rules`. */
  readonly rules: readonly Reason[];
}

export interface CompiledRule {
  readonly id: string;
  readonly clauses: readonly string[];
  readonly when: Condition;
  readonly sinceIndex: number;
  readonly untilIndex: number;
}

/** The policy compiled into plain lookups; built once, read by every decision. */
export interface CompiledPolicy {
  readonly document: PolicyDocument;
  readonly offset: string;
  readonly versions: readonly CompiledVersion[];
  /** Each version's start instant, indexed like `versions`: what decide searches. */
  readonly versionStarts: Float64Array;
  readonly purposes: ReadonlyMap<string, CompiledPurpose>;
  readonly rules: readonly CompiledRule[];
  /** Per version index: the indexes into `rules` in force. */
  readonly rulesByVersion: readonly (readonly number[])[];
  /**
   * Per version index, when the policy has at most MASKABLE_RULES rules: the rules in force
   * as one function whose answer has bit `2 << index` set for each rule that holds.
   */
  readonly ruleBitsByVersion: readonly ConditionBits[] | null;
  readonly recipientClauses: ReadonlyMap<string, string>;
  readonly adPlatformAccepts: ReadonlyMap<string, ReadonlySet<string>>;
  readonly unknownPurposeClause: string;
  /** The clauses of a deny for a purpose the policy does not have. */
  readonly unknownOnly: readonly string[];
  readonly notInForce: { readonly clause: string; readonly reason: Reason };
  readonly permitCites: readonly string[];
  readonly afterTerminationClause: string | null;
  /** The lists a request is read against (readDecisionRequest). */
  readonly vocabulary: RequestVocabulary;
  readonly requestSchema: ReturnType<typeof decisionRequestSchema>;
}

const EMPTY: ReadonlySet<string> = new Set();

/** Fills {purpose}, {purposeText}, {version} in a sentence of the policy file. */
export function fillReason(
  text: Localized,
  values: Readonly<Record<string, Localized | string>>,
): Reason {
  const fill = (lang: 'en' | 'ja'): string =>
    (lang === 'ja' ? (text.ja ?? text.en) : text.en).replace(/\{(\w+)\}/g, (whole, name) => {
      const v = values[name as string];
      if (v === undefined) return whole;
      return typeof v === 'string' ? v : lang === 'ja' ? (v.ja ?? v.en) : v.en;
    });
  const reason = Object.freeze({ en: fill('en'), ja: fill('ja') });
  // {category} and {recipient} are left for decide to fill per request; mark such sentences
  // once here, so that decide need not search every sentence for a brace.
  if (reason.en.includes('{') || reason.ja.includes('{')) TEMPLATED.add(reason);
  return reason;
}

/** Rules that fit a failure bit set (bit 0 is a purpose's own condition). */
export const MASKABLE_RULES = 30;

/** Sentences that still hold a per-request placeholder after compilation. */
export const TEMPLATED: WeakSet<Reason> = new WeakSet();

/**
 * Compiles a policy document that `checkPolicy` found sound. Conditions become closures,
 * versions become indexes, and every sentence a result can carry is made once here.
 */
export function compilePolicy(doc: PolicyDocument): CompiledPolicy {
  const offset = doc.timezone.offset;
  const versions = doc.versions.map((v, index) => ({
    id: v.id,
    index,
    start: parseInstant(v.id, offset),
  }));
  const versionIndex = new Map(versions.map((v) => [v.id, v.index]));
  const indexOf = (id: string | undefined, fallback: number): number =>
    id === undefined ? fallback : (versionIndex.get(id) ?? fallback);

  const rules: CompiledRule[] = doc.rules.map((r) => ({
    id: r.id,
    clauses: Object.freeze([r.id, ...(r.cites ?? [])]),
    when: compileCondition(r.when, { offset }),
    sinceIndex: indexOf(r.since, 0),
    untilIndex: indexOf(r.until, Number.MAX_SAFE_INTEGER),
  }));
  const rulesByVersion = versions.map((v) =>
    rules.flatMap((r, i) => (r.sinceIndex <= v.index && v.index < r.untilIndex ? [i] : [])),
  );
  const ruleBitsByVersion =
    rules.length <= MASKABLE_RULES
      ? rulesByVersion.map((active) =>
          compileConditionBits(
            active.map((i) => ({ source: doc.rules[i]!.when, bit: 2 << i })),
            { offset },
          ),
        )
      : null;

  const reasonsFor = (id: string, text: Localized): PurposeReasons[] =>
    versions.map((v) => {
      const values = { purpose: id, purposeText: text, version: v.id };
      return {
        permit: fillReason(doc.permit.reason, values),
        consent: fillReason(doc.permit.consentReason, values),
        condition: fillReason(
          doc.purposes.find((p) => p.id === id)?.conditionReason ?? doc.unknownPurpose.reason,
          values,
        ),
        rules: doc.rules.map((r) => fillReason(r.reason, values)),
      };
    });

  const permitCites = Object.freeze([...(doc.permit.cites ?? [])]);
  const recipientClauses = new Map(doc.recipientKinds.map((k) => [k.id, k.clause]));
  const frozen = (...parts: (readonly string[])[]) =>
    Object.freeze([...new Set(parts.flat())]) as readonly string[];
  /** The result arrays of one purpose, made once. */
  const arrays = (
    id: string,
    permitClauses: readonly string[],
    conditionClause: string | null,
  ) => ({
    permitPlain: frozen(permitClauses, permitCites),
    permitTo: new Map(
      [...recipientClauses].map(([kind, clause]) => [
        kind,
        frozen(permitClauses, [clause], permitCites),
      ]),
    ),
    denyByCondition: frozen([conditionClause ?? id], [id]),
    denyUnknown: frozen([doc.unknownPurpose.clause], [id]),
    denyByRule: rules.map((r) => frozen(r.clauses, [id])),
    denyCombined: new Map<number, readonly string[]>(),
    permitVariants: new Map<readonly string[], (readonly string[] | undefined)[]>(),
  });
  const purposes = new Map<string, CompiledPurpose>();
  for (const p of doc.purposes) {
    const conditionClause = p.conditionClause ?? null;
    purposes.set(p.id, {
      id: p.id,
      group: p.group,
      kind: 'listed',
      text: p.text,
      suspendable: p.suspendable ?? true,
      myNumberProcedure: p.myNumberProcedure !== undefined,
      sinceIndex: indexOf(p.since, 0),
      untilIndex: indexOf(p.until, Number.MAX_SAFE_INTEGER),
      specifiedAt: Number.NEGATIVE_INFINITY,
      services: EMPTY,
      surveys: EMPTY,
      condition: p.condition ? compileCondition(p.condition, { offset }) : null,
      conditionClause,
      permitClauses: Object.freeze(conditionClause ? [p.id, conditionClause] : [p.id]),
      ...arrays(p.id, conditionClause ? [p.id, conditionClause] : [p.id], conditionClause),
      reasons: reasonsFor(p.id, p.text),
    });
  }
  for (const p of doc.extraPurposes ?? []) {
    purposes.set(p.id, {
      id: p.id,
      group: p.group,
      kind: 'extra',
      text: p.text,
      suspendable: true,
      myNumberProcedure: false,
      sinceIndex: 0,
      untilIndex: indexOf(p.until, Number.MAX_SAFE_INTEGER),
      specifiedAt: parseInstant(p.specifiedAt, offset),
      services: new Set(p.services ?? []),
      surveys: new Set(p.surveys ?? []),
      condition: null,
      conditionClause: null,
      permitClauses: Object.freeze(
        doc.permit.extraPurposeClause ? [p.id, doc.permit.extraPurposeClause] : [p.id],
      ),
      ...arrays(
        p.id,
        doc.permit.extraPurposeClause ? [p.id, doc.permit.extraPurposeClause] : [p.id],
        null,
      ),
      reasons: reasonsFor(p.id, p.text),
    });
  }

  const vocabulary = {
    groups: doc.groups.map((g) => g.id),
    categories: doc.categories.map((c) => c.id),
    recipientKinds: doc.recipientKinds.map((k) => k.id),
  };
  const requestSchema = decisionRequestSchema(vocabulary);

  return {
    document: doc,
    offset,
    versions,
    versionStarts: Float64Array.from(versions, (v) => v.start),
    purposes,
    rules,
    rulesByVersion,
    ruleBitsByVersion,
    recipientClauses,
    adPlatformAccepts: new Map(doc.adPlatforms.map((a) => [a.id, new Set(a.accepts)])),
    unknownPurposeClause: doc.unknownPurpose.clause,
    unknownOnly: Object.freeze([doc.unknownPurpose.clause]),
    notInForce: {
      clause: doc.notInForce.clause,
      reason: fillReason(doc.notInForce.reason, {}),
    },
    permitCites,
    afterTerminationClause: doc.permit.afterTerminationClause ?? null,
    vocabulary: requestVocabulary(vocabulary),
    requestSchema,
  };
}

export type { DecisionRequest };
