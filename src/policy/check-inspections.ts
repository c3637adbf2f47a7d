import type { PolicyDocument } from './policy-schema.ts';

/** Where a problem is and what it is: the shape `checkPolicy` collects. */
type Report = (code: string, message: string, path: (string | number)[]) => void;

/**
 * SECURITY.3: the inspections section's checks a schema cannot express — every checklist and
 * question cites a declared clause, ids are unique, the first due day is a real day.
 */
export function checkInspections(
  doc: PolicyDocument,
  clauseIds: ReadonlySet<string>,
  problem: Report,
): void {
  const inspections = doc.inspections;
  if (inspections === undefined) return;
  const clause = (id: string, path: (string | number)[]) => {
    if (!clauseIds.has(id)) problem('policy.unknown_reference', `unknown clause ${id}`, path);
  };
  clause(inspections.clause, ['inspections', 'clause']);
  const checklists = new Set<string>();
  inspections.checklists.forEach((c, i) => {
    const at = ['inspections', 'checklists', i];
    if (checklists.has(c.id))
      problem('policy.duplicate_id', `duplicate checklist ${c.id}`, [...at, 'id']);
    checklists.add(c.id);
    clause(c.clause, [...at, 'clause']);
    if (Number.isNaN(Date.parse(c.firstDue)))
      problem('policy.invalid_date', `firstDue ${c.firstDue} is not a valid date`, [
        ...at,
        'firstDue',
      ]);
    const questions = new Set<string>();
    c.questions.forEach((q, j) => {
      if (questions.has(q.id))
        problem('policy.duplicate_id', `duplicate question ${q.id} in ${c.id}`, [
          ...at,
          'questions',
          j,
          'id',
        ]);
      questions.add(q.id);
      clause(q.clause, [...at, 'questions', j, 'clause']);
    });
  });
}
