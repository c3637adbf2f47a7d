import type { CompiledPolicy } from './compile-policy.ts';
import { versionIndexAt } from './decide.ts';
import type { Localized } from './policy-schema.ts';

/**
 * What changed between the policy in force at one instant and at another: purposes and rules
 * added, removed and changed, and the versions that took effect in between. Pure. A version
 * whose `changes` is 'unknown' is reported as such: the file cannot show what the source
 * does not say.
 */

export type DiffValue = string | boolean | null | readonly string[];

export interface FieldChange {
  /** `text.en`, `text.ja`, `condition`, `conditionClause`, `group`, `suspendable`, `when`, … */
  readonly field: string;
  readonly from: DiffValue;
  readonly to: DiffValue;
}

export interface DiffPurpose {
  readonly id: string;
  readonly kind: 'listed' | 'extra';
  readonly group: string;
  readonly text: Localized;
  readonly condition: string | null;
  readonly conditionClause: string | null;
  readonly suspendable: boolean;
}

export interface DiffRule {
  readonly id: string;
  readonly when: string;
  readonly cites: readonly string[];
  readonly reason: Localized;
}

export interface Changed {
  readonly id: string;
  readonly fields: readonly FieldChange[];
}

export interface DiffSection<T> {
  readonly added: readonly T[];
  readonly removed: readonly T[];
  readonly changed: readonly Changed[];
}

export interface DiffVersion {
  readonly id: string;
  readonly summary: Localized;
  readonly changes: 'recorded' | 'unknown';
}

export interface PolicyDiff {
  /** The version in force at the first instant; null before the first version. */
  readonly from: string | null;
  /** The version in force at the second instant; null before the first version. */
  readonly to: string | null;
  readonly purposes: DiffSection<DiffPurpose>;
  readonly rules: DiffSection<DiffRule>;
  /** Versions that took effect after the first instant and at or before the second. */
  readonly versionsBetween: readonly DiffVersion[];
}

function purposesAt(policy: CompiledPolicy, at: number): Map<string, DiffPurpose> {
  const index = versionIndexAt(policy, at);
  const out = new Map<string, DiffPurpose>();
  if (index < 0) return out;
  const doc = policy.document;
  for (const p of doc.purposes) {
    const c = policy.purposes.get(p.id);
    if (c === undefined || c.kind !== 'listed') continue;
    if (c.sinceIndex > index || index >= c.untilIndex) continue;
    out.set(p.id, {
      id: p.id,
      kind: 'listed',
      group: p.group,
      text: p.text,
      condition: p.condition ?? null,
      conditionClause: p.conditionClause ?? null,
      suspendable: c.suspendable,
    });
  }
  for (const p of doc.extraPurposes ?? []) {
    const c = policy.purposes.get(p.id);
    if (c === undefined || c.kind !== 'extra') continue;
    if (index >= c.untilIndex || c.specifiedAt > at) continue;
    out.set(p.id, {
      id: p.id,
      kind: 'extra',
      group: p.group,
      text: p.text,
      condition: null,
      conditionClause: null,
      suspendable: c.suspendable,
    });
  }
  return out;
}

function rulesAt(policy: CompiledPolicy, at: number): Map<string, DiffRule> {
  const index = versionIndexAt(policy, at);
  const out = new Map<string, DiffRule>();
  if (index < 0) return out;
  for (const i of policy.rulesByVersion[index] ?? []) {
    const r = policy.document.rules[i];
    if (r === undefined) continue;
    out.set(r.id, { id: r.id, when: r.when, cites: [...(r.cites ?? [])], reason: r.reason });
  }
  return out;
}

function same(a: DiffValue, b: DiffValue): boolean {
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((x, i) => x === b[i]);
  }
  return a === b;
}

function compare(
  pairs: readonly (readonly [string, DiffValue, DiffValue])[],
): readonly FieldChange[] {
  return pairs.filter(([, a, b]) => !same(a, b)).map(([field, from, to]) => ({ field, from, to }));
}

function purposeFields(a: DiffPurpose, b: DiffPurpose): readonly FieldChange[] {
  return compare([
    ['text.en', a.text.en, b.text.en],
    ['text.ja', a.text.ja ?? null, b.text.ja ?? null],
    ['condition', a.condition, b.condition],
    ['conditionClause', a.conditionClause, b.conditionClause],
    ['group', a.group, b.group],
    ['suspendable', a.suspendable, b.suspendable],
  ]);
}

function ruleFields(a: DiffRule, b: DiffRule): readonly FieldChange[] {
  return compare([
    ['when', a.when, b.when],
    ['cites', a.cites, b.cites],
    ['reason.en', a.reason.en, b.reason.en],
    ['reason.ja', a.reason.ja ?? null, b.reason.ja ?? null],
  ]);
}

function section<T extends { readonly id: string }>(
  from: ReadonlyMap<string, T>,
  to: ReadonlyMap<string, T>,
  fields: (a: T, b: T) => readonly FieldChange[],
): DiffSection<T> {
  const added = [...to.values()].filter((x) => !from.has(x.id));
  const removed = [...from.values()].filter((x) => !to.has(x.id));
  const changed: Changed[] = [];
  for (const a of from.values()) {
    const b = to.get(a.id);
    if (b === undefined) continue;
    const f = fields(a, b);
    if (f.length > 0) changed.push({ id: a.id, fields: f });
  }
  return { added, removed, changed };
}

/**
 * The difference between the policy in force at `fromInstant` and at `toInstant`
 * (milliseconds since the epoch). `toPolicy` (default: the same policy) compares two
 * documents, e.g. the file in force and an edited copy: purposes and rules at `toInstant`
 * are read from it, and so are the versions between.
 */
export function diffPolicy(
  policy: CompiledPolicy,
  fromInstant: number,
  toInstant: number,
  toPolicy: CompiledPolicy = policy,
): PolicyDiff {
  const fromIndex = versionIndexAt(policy, fromInstant);
  const toIndex = versionIndexAt(toPolicy, toInstant);
  const lo = Math.min(fromInstant, toInstant);
  const hi = Math.max(fromInstant, toInstant);
  const versionsBetween = toPolicy.document.versions.flatMap((v, i): DiffVersion[] => {
    const start = toPolicy.versions[i]?.start;
    if (start === undefined || !(lo < start && start <= hi)) return [];
    return [{ id: v.id, summary: v.summary, changes: v.changes }];
  });
  return {
    from: policy.versions[fromIndex]?.id ?? null,
    to: toPolicy.versions[toIndex]?.id ?? null,
    purposes: section(
      purposesAt(policy, fromInstant),
      purposesAt(toPolicy, toInstant),
      purposeFields,
    ),
    rules: section(rulesAt(policy, fromInstant), rulesAt(toPolicy, toInstant), ruleFields),
    versionsBetween,
  };
}

const WORDS = {
  en: {
    header: (from: string | null, to: string | null) =>
      `Changes from ${from === null ? '(no version in force)' : `version ${from}`} to ${to === null ? '(no version in force)' : `version ${to}`}`,
    noVersions: 'No version took effect between these dates.',
    versions: 'Versions that took effect in between:',
    unknown:
      '    The source does not say what this revision changed; the policy file records no changes for it, so this diff cannot show them.',
    purposes: 'Purposes:',
    rules: 'Rules:',
    nothing: '  No change.',
    rule: 'rule',
    when: 'when',
    caveat: (n: number) =>
      `Note: ${n === 1 ? '1 version' : `${n} versions`} in between ${n === 1 ? 'does' : 'do'} not record what changed; the differences above are only those the policy file records.`,
  },
  ja: {
    header: (from: string | null, to: string | null) =>
      `${from === null ? '（効力を有する版なし）' : `${from} 版`}から ${to === null ? '（効力を有する版なし）' : `${to} 版`}への変更`,
    noVersions: 'この期間に効力を生じた版はありません。',
    versions: 'この期間に効力を生じた版：',
    unknown:
      '    この改定で何が変わったかは出典に記載がなく、ポリシーファイルにも変更は記録されていないため、この差分には表れません。',
    purposes: '利用目的：',
    rules: 'ルール：',
    nothing: '  変更なし。',
    rule: 'ルール',
    when: '条件',
    caveat: (n: number) =>
      `注意：この期間の ${n} 件の版は変更内容を記録していません。上記の差分はポリシーファイルに記録された変更に限られます。`,
  },
} as const;

function local(text: Localized, lang: 'en' | 'ja'): string {
  return lang === 'ja' ? (text.ja ?? text.en) : text.en;
}

function show(value: DiffValue): string {
  if (value === null) return '(none)';
  if (Array.isArray(value)) return `[${value.join(', ')}]`;
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

/** The difference as readable lines, in English or Japanese. */
export function formatDiff(diff: PolicyDiff, lang: 'en' | 'ja'): string[] {
  const w = WORDS[lang];
  const lines = [w.header(diff.from, diff.to)];
  lines.push('');
  if (diff.versionsBetween.length === 0) {
    lines.push(w.noVersions);
  } else {
    lines.push(w.versions);
    for (const v of diff.versionsBetween) {
      lines.push(`  ${v.id}  ${local(v.summary, lang)}`);
      if (v.changes === 'unknown') lines.push(w.unknown);
    }
  }

  const changes = <T extends { readonly id: string }>(
    title: string,
    s: DiffSection<T>,
    describe: (x: T) => string,
    prefix: string,
  ) => {
    lines.push('', title);
    if (s.added.length + s.removed.length + s.changed.length === 0) {
      lines.push(w.nothing);
      return;
    }
    for (const x of s.added) lines.push(`+ ${prefix}${x.id}  ${describe(x)}`);
    for (const x of s.removed) lines.push(`- ${prefix}${x.id}  ${describe(x)}`);
    for (const c of s.changed) {
      for (const f of c.fields) {
        lines.push(`~ ${prefix}${c.id}  ${f.field}: ${show(f.from)} → ${show(f.to)}`);
      }
    }
  };
  changes(w.purposes, diff.purposes, (p) => local(p.text, lang), '');
  changes(w.rules, diff.rules, (r) => `${w.when} ${r.when}`, `${w.rule} `);

  const unknown = diff.versionsBetween.filter((v) => v.changes === 'unknown').length;
  if (unknown > 0) lines.push('', w.caveat(unknown));
  return lines;
}
