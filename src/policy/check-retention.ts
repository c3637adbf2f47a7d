import type { PolicyDocument } from './policy-schema.ts';

/** Where a problem is and what it is: the shape `checkPolicy` collects. */
type Report = (code: string, message: string, path: (string | number)[]) => void;

/**
 * RETAIN: the retention section's checks a schema cannot express — each duty cites a declared
 * clause and names known categories; years are given exactly when the reason runs after the
 * contract; a fiscal year end is a real day; the hold cites a declared clause.
 */
export function checkRetention(
  doc: PolicyDocument,
  clauseIds: ReadonlySet<string>,
  categories: ReadonlySet<string>,
  problem: Report,
): void {
  const retention = doc.retention;
  if (retention === undefined) return;
  const seen = new Set<string>();
  retention.duties.forEach((d, i) => {
    const at = ['retention', 'duties', i];
    if (seen.has(d.id))
      problem('policy.duplicate_id', `duplicate retention duty ${d.id}`, [...at, 'id']);
    seen.add(d.id);
    if (!clauseIds.has(d.id))
      problem('policy.unknown_reference', `unknown clause ${d.id}: declare it in clauses`, [
        ...at,
        'id',
      ]);
    d.categories.forEach((c, j) => {
      if (!categories.has(c))
        problem('policy.unknown_reference', `unknown category ${c}`, [...at, 'categories', j]);
    });
    if (d.reason === 'afterContract' && d.years === undefined)
      problem(
        'policy.missing_field',
        `retention duty ${d.id} runs after the contract and needs years`,
        at,
      );
    if (d.reason !== 'afterContract') {
      for (const field of ['years', 'fromFiscalYearEnd'] as const) {
        if (d[field] !== undefined)
          problem(
            'policy.invalid_field',
            `${field} applies to an afterContract duty only (${d.id} is ${d.reason})`,
            [...at, field],
          );
      }
    }
    if (d.fromFiscalYearEnd !== undefined && !isMonthDay(d.fromFiscalYearEnd))
      problem('policy.invalid_date', `fromFiscalYearEnd ${d.fromFiscalYearEnd} is not a day`, [
        ...at,
        'fromFiscalYearEnd',
      ]);
    if (d.text.en.trim() === '')
      problem('policy.missing_text', `retention duty ${d.id} has no text`, [...at, 'text']);
  });
  if (!clauseIds.has(retention.holdClause))
    problem('policy.unknown_reference', `unknown clause ${retention.holdClause}`, [
      'retention',
      'holdClause',
    ]);
}

/** MM-DD of a day every year has (29 February is refused: not every year has it). */
function isMonthDay(value: string): boolean {
  const [m, d] = value.split('-').map(Number) as [number, number];
  const days = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
  return days !== undefined && d >= 1 && d <= days;
}
