import { checkPage } from './check-page.ts';
import { compileCondition, ConditionError } from './condition-language.ts';
import {
  type Localized,
  type PolicyDocument,
  type PolicyLegalObligations,
  BREACH_DUTIES,
  type PolicyBreach,
} from './policy-schema.ts';
import { checkInspections } from './check-inspections.ts';
import { checkRetention } from './check-retention.ts';

/**
 * The request kinds the law lets a business charge for: APPI Art. 38(1) allows a fee for a
 * notice of the purposes of use (Art. 32(2)) and a disclosure (Art. 33(1), and of the records
 * of provision by Art. 33(5)); no other kind.
 */
const CHARGEABLE_KINDS: ReadonlySet<string> = new Set([
  'REQUEST.PURPOSES',
  'REQUEST.DISCLOSURE',
  'REQUEST.PROVISION_RECORDS',
]);
/**
 * The kinds whose fulfilment builds a package for the customer, who chooses how it is
 * delivered: a disclosure of Personal Information (APPI Art. 33(1)) and of the records of
 * provision (Art. 33(5)). hogo builds no other package, so the file must mark these and no other.
 */
const PACKAGE_KINDS: ReadonlySet<string> = new Set([
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
 * order, conditions that parse and type-check, texts that are not blank, and a public page
 * that leaves nothing out (check-page.ts). Returns every problem.
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
  const recipientKinds = new Set(doc.recipientKinds.map((k) => k.id));
  if (doc.legalObligations !== undefined)
    checkLegalObligations(doc.legalObligations, { clauseIds, categories, recipientKinds }, problem);
  doc.adPlatforms.forEach((a, i) =>
    a.accepts.forEach((c, j) =>
      reference('category', c, categories, ['adPlatforms', i, 'accepts', j]),
    ),
  );
  doc.requestKinds.forEach((k, i) => {
    reference('clause', k.id, clauseIds, ['requestKinds', i, 'id']);
    // APPI Art. 38(1): a fee may be charged for a notice of purposes or a disclosure (of Personal
    // Information or of the records of provision) only; the law, not the file, fixes which kinds.
    if (k.fee !== undefined && !CHARGEABLE_KINDS.has(k.id))
      problem(
        'policy.fee_not_allowed',
        `${k.id} may not be charged: the law allows a fee for a notice of purposes or a disclosure only (APPI Art. 38(1))`,
        ['requestKinds', i, 'fee'],
      );
    // APPI Art. 33(1), (5): a disclosure is delivered in the way the customer chose.
    if ((k.deliversPackage ?? false) !== PACKAGE_KINDS.has(k.id))
      problem(
        'policy.package_kind',
        PACKAGE_KINDS.has(k.id)
          ? `${k.id} delivers a package the customer chooses how to receive (APPI Art. 33(1), (5)): it needs deliversPackage: true`
          : `${k.id} delivers no package: only a disclosure does (APPI Art. 33(1), (5))`,
        ['requestKinds', i, k.deliversPackage === undefined ? 'id' : 'deliversPackage'],
      );
  });
  if (doc.breach) checkBreach(doc.breach, problem);
  if (doc.training) reference('clause', doc.training.clause, clauseIds, ['training', 'clause']);
  checkInspections(doc, clauseIds, problem);
  if (doc.countries) {
    reference('clause', doc.countries.clause, clauseIds, ['countries', 'clause']);
    // SECURITY.7: one entry per country, the home country none (APPI Art. 28 is about abroad).
    const seenCountries = new Set<string>([doc.countries.home]);
    doc.countries.entries.forEach((c, i) => {
      if (seenCountries.has(c.code))
        problem('policy.duplicate_id', `country ${c.code} is listed twice or is the home country`, [
          'countries',
          'entries',
          i,
          'code',
        ]);
      seenCountries.add(c.code);
    });
  }
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
  doc.clauses.forEach((c, i) => {
    text(c.title, ['clauses', i, 'title'], `clause ${c.id}`);
    (c.texts ?? []).forEach((t, j) => {
      validity(t, ['clauses', i, 'texts', j]);
      text(t.text, ['clauses', i, 'texts', j, 'text'], `clause ${c.id}`);
    });
  });
  problems.push(...checkPage(doc));
  checkRetention(doc, clauseIds, categories, problem);
  return problems;
}

type Report = (code: string, message: string, path: (string | number)[]) => void;

/**
 * PROVIDE.AUTHORITY: the grounds and withholdings of provisions required by law name known
 * clauses, categories, recipient kinds and grounds; a ground that lets My Number leave names
 * the case of My Number Act Art. 19 it falls under (the Act lists the only cases it may).
 */
function checkLegalObligations(
  section: PolicyLegalObligations,
  known: {
    readonly clauseIds: ReadonlySet<string>;
    readonly categories: ReadonlySet<string>;
    readonly recipientKinds: ReadonlySet<string>;
  },
  problem: Report,
): void {
  const at = ['legalObligations'];
  const ref = (kind: string, id: string, set: ReadonlySet<string>, path: (string | number)[]) => {
    if (!set.has(id)) problem('policy.unknown_reference', `unknown ${kind} ${id}`, path);
  };
  ref('clause', section.clause, known.clauseIds, [...at, 'clause']);
  section.restricted.forEach((c, i) =>
    ref('category', c, known.categories, [...at, 'restricted', i]),
  );
  if (section.myNumberCategory !== undefined)
    ref('category', section.myNumberCategory, known.categories, [...at, 'myNumberCategory']);
  const grounds = new Set<string>();
  section.grounds.forEach((g, i) => {
    const path = [...at, 'grounds', i];
    if (grounds.has(g.id))
      problem('policy.duplicate_id', `duplicate legal ground ID ${g.id}`, [...path, 'id']);
    grounds.add(g.id);
    ref('clause', g.clause, known.clauseIds, [...path, 'clause']);
    g.recipientKinds.forEach((k, j) =>
      ref('recipient kind', k, known.recipientKinds, [...path, 'recipientKinds', j]),
    );
    (g.categories ?? []).forEach((c, j) => {
      ref('category', c, known.categories, [...path, 'categories', j]);
      if (!section.restricted.includes(c))
        problem(
          'policy.not_restricted',
          `category ${c} is not restricted: every legal ground may already provide it`,
          [...path, 'categories', j],
        );
    });
    // My Number Act Art. 19: the number is provided only in the cases the Act lists.
    if (
      section.myNumberCategory !== undefined &&
      (g.categories ?? []).includes(section.myNumberCategory) &&
      g.myNumberAct === undefined
    )
      problem(
        'policy.my_number_ground_required',
        `legal ground ${g.id} provides ${section.myNumberCategory} but names no case of My Number Act Art. 19 (myNumberAct)`,
        [...path, 'categories'],
      );
  });
  section.withheld.forEach((w, i) => {
    const path = [...at, 'withheld', i];
    ref('clause', w.clause, known.clauseIds, [...path, 'clause']);
    (w.recipientKinds ?? []).forEach((k, j) =>
      ref('recipient kind', k, known.recipientKinds, [...path, 'recipientKinds', j]),
    );
    (w.grounds ?? []).forEach((g, j) => ref('legal ground', g, grounds, [...path, 'grounds', j]));
    if (w.reason.en.trim() === '')
      problem('policy.missing_text', 'a withholding states its ground', [...path, 'reason']);
    if (w.recipientKinds === undefined && w.grounds === undefined)
      problem(
        'policy.missing_reference',
        'a withholding names the recipient kinds or the grounds it withholds',
        path,
      );
  });
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
