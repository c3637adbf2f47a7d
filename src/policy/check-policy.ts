import { compileCondition, ConditionError } from './condition-language.ts';
import {
  BREACH_DUTIES,
  type Localized,
  type PolicyBreach,
  type PolicyDocument,
} from './policy-schema.ts';

/** The request kinds the law lets a business charge for (APPI Art. 38(1) with Art. 33). */
const CHARGEABLE_KINDS: ReadonlySet<string> = new Set([
  'REQUEST.DISCLOSURE',
  'REQUEST.PROVISION_RECORDS',
]);
/** One problem in a policy file, located by its path in the document. */
export interface PolicyProblem {
  readonly code: string;
  readonly message: string;
  /** Where in the document: ['purposes', 3, 'condition']. */
  readonly path: readonly (string | number)[];
  /** Characters into the value at `path` (conditions), for a precise column. */
  readonly offset?: number;
}

const PLACEHOLDERS = new Set(['purpose', 'purposeText', 'version', 'category', 'recipient']);

/**
 * The checks a schema cannot express: unique IDs, references between sections, versions in
 * order, conditions that parse and type-check, texts that are not blank. Returns every problem.
 */
export function checkPolicy(doc: PolicyDocument): PolicyProblem[] {
  const problems: PolicyProblem[] = [];
  const problem = (code: string, message: string, path: (string | number)[], offset?: number) =>
    problems.push(offset === undefined ? { code, message, path } : { code, message, path, offset });

  // Clause IDs: clauses, purposes and extra purposes share one name space.
  const clauseIds = new Set<string>();
  const claim = (id: string, path: (string | number)[]) => {
    if (clauseIds.has(id)) problem('policy.duplicate_id', `duplicate clause ID ${id}`, path);
    clauseIds.add(id);
  };
  doc.clauses.forEach((c, i) => claim(c.id, ['clauses', i, 'id']));
  doc.purposes.forEach((p, i) => claim(p.id, ['purposes', i, 'id']));
  (doc.extraPurposes ?? []).forEach((p, i) => claim(p.id, ['extraPurposes', i, 'id']));
  doc.breach?.clauses.forEach((c, i) => claim(c.id, ['breach', 'clauses', i, 'id']));

  const unique = (section: string, ids: readonly string[]) => {
    const seen = new Set<string>();
    ids.forEach((id, i) => {
      if (seen.has(id))
        problem('policy.duplicate_id', `duplicate ${section} ID ${id}`, [section, i, 'id']);
      seen.add(id);
    });
    return seen;
  };
  const versionIds = unique(
    'versions',
    doc.versions.map((v) => v.id),
  );
  const groups = unique(
    'groups',
    doc.groups.map((g) => g.id),
  );
  const categories = unique(
    'categories',
    doc.categories.map((c) => c.id),
  );
  unique(
    'recipientKinds',
    doc.recipientKinds.map((k) => k.id),
  );
  unique(
    'adPlatforms',
    doc.adPlatforms.map((a) => a.id),
  );
  unique(
    'requestKinds',
    doc.requestKinds.map((k) => k.id),
  );
  unique(
    'rules',
    doc.rules.map((r) => r.id),
  );

  // REVISION: versions follow one another; two with one date would overlap.
  if (doc.versions[0] && doc.versions[0].id !== doc.enacted) {
    problem('policy.version_order', `the first version must be the enactment date ${doc.enacted}`, [
      'versions',
      0,
      'id',
    ]);
  }
  doc.versions.forEach((v, i) => {
    const prev = doc.versions[i - 1];
    if (prev && v.id <= prev.id) {
      problem(
        'policy.overlapping_versions',
        `version ${v.id} does not follow ${prev.id}: versions must be in date order, each date once`,
        ['versions', i, 'id'],
      );
    }
  });

  const reference = (
    kind: string,
    id: string | undefined,
    known: Set<string>,
    path: (string | number)[],
  ) => {
    if (id !== undefined && !known.has(id))
      problem('policy.unknown_reference', `unknown ${kind} ${id}`, path);
  };
  const validity = (v: { since?: string; until?: string }, path: (string | number)[]) => {
    reference('version', v.since, versionIds, [...path, 'since']);
    reference('version', v.until, versionIds, [...path, 'until']);
    if (v.since !== undefined && v.until !== undefined && v.until <= v.since) {
      problem('policy.overlapping_versions', `until ${v.until} is not after since ${v.since}`, [
        ...path,
        'until',
      ]);
    }
  };
  const text = (t: Localized | undefined, path: (string | number)[], what: string) => {
    if (t === undefined || t.en.trim() === '')
      problem('policy.missing_text', `${what} has no text`, path);
    for (const lang of ['en', 'ja'] as const) {
      for (const m of (t?.[lang] ?? '').matchAll(/\{(\w+)\}/g)) {
        if (!PLACEHOLDERS.has(m[1]!)) {
          problem(
            'policy.unknown_placeholder',
            `unknown placeholder {${m[1]}} (known: ${[...PLACEHOLDERS].join(', ')})`,
            [...path, lang],
          );
        }
      }
    }
  };
  const condition = (source: string | undefined, path: (string | number)[]) => {
    if (source === undefined) return;
    try {
      compileCondition(source, { offset: doc.timezone.offset });
    } catch (e) {
      if (!(e instanceof ConditionError)) throw e;
      problem('policy.invalid_condition', e.message, path, e.offset);
    }
  };

  doc.versions.forEach((v, i) =>
    reference('clause', v.clause, clauseIds, ['versions', i, 'clause']),
  );
  doc.purposes.forEach((p, i) => {
    const at = ['purposes', i];
    reference('group', p.group, groups, [...at, 'group']);
    text(p.text, [...at, 'text'], `purpose ${p.id}`);
    validity(p, at);
    condition(p.condition, [...at, 'condition']);
    reference('clause', p.conditionClause, clauseIds, [...at, 'conditionClause']);
    if (p.condition !== undefined && p.conditionClause === undefined) {
      problem(
        'policy.missing_reference',
        `purpose ${p.id} has a condition but no conditionClause to cite`,
        [...at, 'condition'],
      );
    }
  });
  (doc.extraPurposes ?? []).forEach((p, i) => {
    const at = ['extraPurposes', i];
    reference('group', p.group, groups, [...at, 'group']);
    text(p.text, [...at, 'text'], `purpose ${p.id}`);
    reference('version', p.until, versionIds, [...at, 'until']);
    if (
      Number.isNaN(
        Date.parse(p.specifiedAt.length === 10 ? `${p.specifiedAt}T00:00:00Z` : p.specifiedAt),
      )
    ) {
      problem('policy.invalid_date', `specifiedAt ${p.specifiedAt} is not a valid date`, [
        ...at,
        'specifiedAt',
      ]);
    }
    if ((p.services ?? []).length + (p.surveys ?? []).length === 0) {
      problem(
        'policy.missing_reference',
        `extra purpose ${p.id} names no service or survey (PURPOSE.EXTRA binds only their items)`,
        at,
      );
    }
  });
  doc.rules.forEach((r, i) => {
    const at = ['rules', i];
    reference('clause', r.id, clauseIds, [...at, 'id']);
    (r.cites ?? []).forEach((c, j) => reference('clause', c, clauseIds, [...at, 'cites', j]));
    validity(r, at);
    condition(r.when, [...at, 'when']);
    text(r.reason, [...at, 'reason'], `rule ${r.id}`);
  });
  doc.recipientKinds.forEach((k, i) =>
    reference('clause', k.clause, clauseIds, ['recipientKinds', i, 'clause']),
  );
  doc.adPlatforms.forEach((a, i) =>
    a.accepts.forEach((c, j) =>
      reference('category', c, categories, ['adPlatforms', i, 'accepts', j]),
    ),
  );
  doc.requestKinds.forEach((k, i) => {
    reference('clause', k.id, clauseIds, ['requestKinds', i, 'id']);
    // APPI Art. 38: a fee may be charged for a disclosure (of Personal Information or of the
    // records of provision) only; the law, not the file, fixes which kinds.
    if (k.fee !== undefined && !CHARGEABLE_KINDS.has(k.id))
      problem(
        'policy.fee_not_allowed',
        `${k.id} may not be charged: the law allows a fee for a disclosure only (APPI Art. 38)`,
        ['requestKinds', i, 'fee'],
      );
  });
  if (doc.breach) checkBreach(doc.breach, problem);
  (doc.contacts ?? []).forEach((c, i) =>
    reference('clause', c.clause, clauseIds, ['contacts', i, 'clause']),
  );
  (doc.permit.cites ?? []).forEach((c, j) =>
    reference('clause', c, clauseIds, ['permit', 'cites', j]),
  );
  reference('clause', doc.permit.afterTerminationClause, clauseIds, [
    'permit',
    'afterTerminationClause',
  ]);
  reference('clause', doc.permit.extraPurposeClause, clauseIds, ['permit', 'extraPurposeClause']);
  reference('clause', doc.unknownPurpose.clause, clauseIds, ['unknownPurpose', 'clause']);
  reference('clause', doc.notInForce.clause, clauseIds, ['notInForce', 'clause']);
  text(doc.permit.reason, ['permit', 'reason'], 'permit');
  text(doc.permit.consentReason, ['permit', 'consentReason'], 'permit');
  doc.clauses.forEach((c, i) => text(c.title, ['clauses', i, 'title'], `clause ${c.id}`));
  return problems;
}

/** APPI Art. 26: every trigger, the exemption and each duty stated once, in both languages. */
function checkBreach(
  breach: PolicyBreach,
  problem: (code: string, message: string, path: (string | number)[]) => void,
): void {
  const seen = new Set<string>();
  breach.clauses.forEach((c, i) => {
    if (seen.has(c.duty))
      problem('policy.duplicate_id', `breach duty ${c.duty} is stated twice`, [
        'breach',
        'clauses',
        i,
        'duty',
      ]);
    seen.add(c.duty);
    // A decision on a breach cites these clauses to staff and regulators in both languages.
    if (c.text.ja === undefined || c.title.ja === undefined)
      problem('policy.missing_text', `breach clause ${c.id} has no Japanese text`, [
        'breach',
        'clauses',
        i,
        'text',
      ]);
  });
  for (const d of BREACH_DUTIES)
    if (!seen.has(d))
      problem('policy.missing_breach_duty', `breach has no clause for duty ${d}`, [
        'breach',
        'clauses',
      ]);
}
