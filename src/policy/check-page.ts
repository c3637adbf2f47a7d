import type { PolicyProblem } from './check-policy.ts';
import type { PolicyDocument } from './policy-schema.ts';

/**
 * The checks that the public page shows everything the file says (REVISION, APPI Art. 21(1),
 * 32(1): what is published must be the whole policy): every clause names its section, the
 * generated parts (purposes, extra purposes, ad platforms, request kinds, contacts) land in a
 * section the page has, and a clause's dated wordings never overlap. The sections are resolved
 * exactly as render-policy.ts resolves them, fallbacks included.
 */
export function checkPage(doc: PolicyDocument): PolicyProblem[] {
  const problems: PolicyProblem[] = [];
  const sections = new Set(
    doc.clauses.flatMap((c) => (c.section === undefined ? [] : [c.section])),
  );
  const byId = new Map(doc.clauses.map((c) => [c.id, c]));
  const sectionOf = (id: string | undefined): string | undefined => {
    for (let c = id; c; c = c.includes('.') ? c.slice(0, c.lastIndexOf('.')) : undefined) {
      const s = byId.get(c)?.section;
      if (s !== undefined) return s;
    }
    return undefined;
  };
  const placed = (section: string, what: string, path: (string | number)[]) => {
    if (!sections.has(section))
      problems.push({
        code: 'policy.not_on_page',
        message: `${what} would be left out of the public page: it goes in section ${section}, which no clause has (give the clause it belongs to a section:)`,
        path,
      });
  };

  doc.clauses.forEach((c, i) => {
    if (c.section === undefined)
      problems.push({
        code: 'policy.not_on_page',
        message: `clause ${c.id} has no section: the public page would leave it out`,
        path: ['clauses', i, 'id'],
      });
    if (c.text !== undefined && c.texts !== undefined)
      problems.push({
        code: 'policy.ambiguous_text',
        message: `clause ${c.id} has both text and texts: give one wording, or dated wordings`,
        path: ['clauses', i, 'texts'],
      });
    // Two wordings in force in one version would leave the page to pick one.
    (c.texts ?? []).forEach((t, j) => {
      (c.texts ?? []).slice(0, j).forEach((u) => {
        const overlap =
          (t.since ?? '') < (u.until ?? '\uffff') && (u.since ?? '') < (t.until ?? '\uffff');
        if (overlap)
          problems.push({
            code: 'policy.overlapping_versions',
            message: `clause ${c.id}: this wording is in force in a version another wording also covers`,
            path: ['clauses', i, 'texts', j],
          });
      });
    });
  });

  const firstPurpose = doc.purposes[0];
  const purposeSection = sectionOf(firstPurpose?.id) ?? '3';
  if (firstPurpose !== undefined)
    placed(purposeSection, `every purpose (${firstPurpose.id} first)`, ['purposes', 0, 'id']);
  const extraClause = doc.permit.extraPurposeClause;
  if ((doc.extraPurposes ?? []).length > 0 && sectionOf(extraClause) === undefined)
    placed(purposeSection, 'the extra purposes', ['extraPurposes', 0, 'id']);
  if (doc.adPlatforms.length > 0) {
    const adKind = doc.recipientKinds.find((k) => k.id === 'adPlatform');
    placed(sectionOf('ADS') ?? sectionOf(adKind?.clause) ?? '8', 'the ad platforms', [
      'adPlatforms',
      0,
      'id',
    ]);
  }
  placed(
    sectionOf(doc.requestKinds[0]?.id) ?? sectionOf('REQUEST') ?? '9',
    'the table of requests',
    ['requestKinds', 0, 'id'],
  );
  (doc.contacts ?? []).forEach((c, i) =>
    placed(sectionOf(c.clause) ?? '10', `contact ${c.clause}`, ['contacts', i, 'clause']),
  );
  return problems;
}
