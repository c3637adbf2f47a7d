import { fillReason, type CompiledPolicy, type Reason } from './compile-policy.ts';
import { versionIndexAt } from './decide.ts';
import type {
  Localized,
  PolicyAdPlatform,
  PolicyClause,
  PolicyDocument,
  PolicyVersion,
} from './policy-schema.ts';

/**
 * The policy in force at one instant, as plain JSON-able data: what `GET /v1/policy`,
 * `hogo policy show`, the diff and the public page read. Pure: a function of the compiled
 * policy and the instant only.
 */

export interface VersionView {
  readonly id: string;
  /** The supplementary provision that brought the version in force, when the file names one. */
  readonly clause: string | null;
  readonly summary: Localized;
  /** 'unknown' when the source does not say what the revision changed. */
  readonly changes: 'recorded' | 'unknown';
  readonly note: string | null;
}

export interface VersionListEntry extends VersionView {
  /** Milliseconds since the epoch: midnight of `id` in the policy's time zone. */
  readonly start: number;
  /** The version in force at the instant asked about. */
  readonly inForce: boolean;
  /** Took effect at or before the instant (the page's history lists only these). */
  readonly past: boolean;
}

export interface PurposeView {
  readonly id: string;
  readonly group: string;
  readonly text: Localized;
  /** The condition, as written in the file (docs/policy-language.md); absent when none. */
  readonly condition?: string;
  readonly conditionClause?: string;
  /** The file's sentence for a failed condition, `{purpose}` filled in. */
  readonly conditionReason?: Reason;
  readonly suspendable: boolean;
  /** First version in force. */
  readonly since: string;
  /** First version no longer in force; null while it stays in force. */
  readonly until: string | null;
}

export interface GroupView {
  readonly id: string;
  readonly name: Localized;
  readonly purposes: readonly PurposeView[];
}

export interface ExtraPurposeView {
  readonly id: string;
  readonly group: string;
  readonly text: Localized;
  readonly specifiedAt: string;
  readonly services: readonly string[];
  readonly surveys: readonly string[];
  readonly until: string | null;
}

export interface RuleView {
  readonly id: string;
  readonly when: string;
  readonly cites: readonly string[];
  readonly reason: Localized;
  readonly since: string;
  readonly until: string | null;
}

export interface FeeView {
  readonly amount: number;
  readonly taxRate: number;
  /** amount × (1 + taxRate), rounded down to the currency unit. */
  readonly total: number;
  readonly per: 'subscriberLine' | 'request';
  readonly currency: string;
  readonly irregularSurcharge: boolean;
}

export interface RequestKindView {
  readonly id: string;
  readonly name: Localized;
  readonly dueDays: number;
  readonly fee: FeeView | null;
  /** It delivers a package the customer chooses how to receive (APPI Art. 33(1), (5)). */
  readonly deliversPackage: boolean;
  /** Fulfilling it works on the customer's items. */
  readonly needsCustomer: boolean;
  /** Fulfilling it chooses from the policy's categories or purposes. */
  readonly needsPolicy: boolean;
  /** A fee is charged for it (REQUEST.FEE). */
  readonly charged: boolean;
}

export interface ContactView {
  readonly clause: string;
  readonly name: Localized;
  readonly url: string | null;
}

export interface PolicyAtView {
  readonly policy: string;
  readonly company: Localized;
  readonly title: Localized;
  readonly timezone: { readonly name: string; readonly offset: string };
  readonly enacted: string;
  readonly intro: Localized | null;
  /** The instant asked about, as ISO 8601 in the policy's time zone (2025-03-01T00:00:00.000+09:00). */
  readonly at: string;
  /** The version in force at `at`; null before the first version took effect. */
  readonly version: VersionView | null;
  readonly versions: readonly VersionListEntry[];
  readonly groups: readonly GroupView[];
  readonly extraPurposes: readonly ExtraPurposeView[];
  readonly rules: readonly RuleView[];
  readonly categories: readonly { readonly id: string; readonly name: Localized }[];
  readonly recipientKinds: readonly {
    readonly id: string;
    readonly clause: string;
    readonly name: Localized;
  }[];
  readonly adPlatforms: readonly PolicyAdPlatform[];
  readonly requestKinds: readonly RequestKindView[];
  readonly clauses: readonly PolicyClause[];
  readonly contacts: readonly ContactView[];
}

/** amount × (1 + taxRate) rounded down, without binary floating-point noise (1000 × 1.1). */
export function feeTotal(amount: number, taxRate: number): number {
  return Math.floor(Math.round(amount * (1 + taxRate) * 1e6) / 1e6);
}

/** `at` as ISO 8601 with a fixed offset such as `+09:00` (UTC's `Z` when the offset is zero). */
export function isoAt(at: number, offset: string): string {
  const m = /^([+-])(\d{2}):(\d{2})$/.exec(offset);
  const minutes = m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
  const shifted = new Date(at + minutes * 60_000);
  if (Number.isNaN(shifted.getTime())) return String(at);
  const local = shifted.toISOString().slice(0, -1);
  return minutes === 0 ? `${local}Z` : `${local}${offset}`;
}

/**
 * A clause as worded in the version `versionId` (REVISION: the page for a date shows the text
 * then in force): `texts` resolved to the one wording whose since ≤ version < until, none when
 * no wording covers it; a plain `text` is in force in every version.
 */
export function clauseAt(c: PolicyClause, versionId: string | null): PolicyClause {
  if (c.texts === undefined) return c;
  const { texts, ...rest } = c;
  const wording =
    versionId === null
      ? undefined
      : texts.find(
          (t) => (t.since ?? '') <= versionId && (t.until === undefined || versionId < t.until),
        );
  return wording === undefined ? rest : { ...rest, text: wording.text };
}

function versionView(v: PolicyVersion): VersionView {
  return {
    id: v.id,
    clause: v.clause ?? null,
    summary: v.summary,
    changes: v.changes,
    note: v.note ?? null,
  };
}

/**
 * The policy in force at `at` (milliseconds since the epoch). The version in force is the
 * latest whose date, at midnight in the policy's zone, is at or before `at`; purposes and
 * rules are in force when `since` ≤ that version < `until`; an extra purpose also needs to
 * have been specified at or before `at`. Before the first version nothing is in force.
 */
export function policyAt(policy: CompiledPolicy, at: number): PolicyAtView {
  const doc: PolicyDocument = policy.document;
  const index = versionIndexAt(policy, at);
  const versionId = (i: number): string | null => policy.versions[i]?.id ?? null;
  const inForce = (since: number, until: number) => index >= 0 && since <= index && index < until;

  const purposes = doc.purposes.flatMap((p): PurposeView[] => {
    const c = policy.purposes.get(p.id);
    if (c === undefined || c.kind !== 'listed' || !inForce(c.sinceIndex, c.untilIndex)) return [];
    return [
      {
        id: p.id,
        group: p.group,
        text: p.text,
        ...(p.condition === undefined ? {} : { condition: p.condition }),
        ...(p.conditionClause === undefined ? {} : { conditionClause: p.conditionClause }),
        ...(p.conditionReason === undefined
          ? {}
          : {
              conditionReason: fillReason(p.conditionReason, {
                purpose: p.id,
                purposeText: p.text,
                version: versionId(index) ?? '',
              }),
            }),
        suspendable: c.suspendable,
        since: versionId(c.sinceIndex) ?? versionId(0) ?? '',
        until: versionId(c.untilIndex),
      },
    ];
  });

  const extraPurposes = (doc.extraPurposes ?? []).flatMap((p): ExtraPurposeView[] => {
    const c = policy.purposes.get(p.id);
    if (c === undefined || c.kind !== 'extra') return [];
    if (!inForce(0, c.untilIndex) || c.specifiedAt > at) return [];
    return [
      {
        id: p.id,
        group: p.group,
        text: p.text,
        specifiedAt: p.specifiedAt,
        services: [...(p.services ?? [])],
        surveys: [...(p.surveys ?? [])],
        until: versionId(c.untilIndex),
      },
    ];
  });

  const rules = (index >= 0 ? (policy.rulesByVersion[index] ?? []) : []).flatMap(
    (i): RuleView[] => {
      const compiled = policy.rules[i];
      const source = doc.rules[i];
      if (compiled === undefined || source === undefined) return [];
      return [
        {
          id: source.id,
          when: source.when,
          cites: [...(source.cites ?? [])],
          reason: source.reason,
          since: versionId(compiled.sinceIndex) ?? versionId(0) ?? '',
          until: versionId(compiled.untilIndex),
        },
      ];
    },
  );

  return {
    policy: doc.id,
    company: doc.company,
    title: doc.title,
    timezone: { name: doc.timezone.name, offset: doc.timezone.offset },
    enacted: doc.enacted,
    intro: doc.intro ?? null,
    at: isoAt(at, doc.timezone.offset),
    version: index >= 0 && doc.versions[index] ? versionView(doc.versions[index]) : null,
    versions: doc.versions.map((v, i) => ({
      ...versionView(v),
      start: policy.versions[i]?.start ?? Number.NaN,
      inForce: i === index,
      past: i <= index,
    })),
    groups: doc.groups.map((g) => ({
      id: g.id,
      name: g.name,
      purposes: purposes.filter((p) => p.group === g.id),
    })),
    extraPurposes,
    rules,
    categories: doc.categories.map((c) => ({ id: c.id, name: c.name })),
    recipientKinds: doc.recipientKinds.map((k) => ({ id: k.id, clause: k.clause, name: k.name })),
    adPlatforms: doc.adPlatforms,
    requestKinds: doc.requestKinds.map((k) => ({
      id: k.id,
      name: k.name,
      dueDays: k.dueDays,
      fee:
        k.fee === undefined
          ? null
          : {
              amount: k.fee.amount,
              taxRate: k.fee.taxRate,
              total: feeTotal(k.fee.amount, k.fee.taxRate),
              per: k.fee.per,
              currency: k.fee.currency,
              irregularSurcharge: k.fee.irregularSurcharge ?? false,
            },
      deliversPackage: k.deliversPackage ?? false,
      needsCustomer: k.needsCustomer ?? false,
      needsPolicy: k.needsPolicy ?? false,
      charged: k.fee !== undefined,
    })),
    clauses: doc.clauses.map((c) => clauseAt(c, index >= 0 ? (versionId(index) ?? '') : null)),
    contacts: (doc.contacts ?? []).map((c) => ({
      clause: c.clause,
      name: c.name,
      url: c.url ?? null,
    })),
  };
}
