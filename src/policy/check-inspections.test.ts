import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUNDLED_POLICY_PATH } from './bundled-policy-path.ts';
import { parsePolicy, type LocatedProblem } from './load-policy.ts';

const lines = readFileSync(BUNDLED_POLICY_PATH, 'utf8').split('\n');

/** The problems of the bundled file with line `line` (1-based) rewritten. */
function problemsWith(line: number, replace: (l: string) => string): readonly LocatedProblem[] {
  const source = lines.map((l, i) => (i === line - 1 ? replace(l) : l)).join('\n');
  const result = parsePolicy(source, 'copy.yaml');
  if (result.ok) throw new Error('expected problems, the copy loaded');
  return result.problems;
}

const lineOf = (pattern: RegExp) => lines.findIndex((l) => pattern.test(l)) + 1;

describe('the inspections section of a policy file (SECURITY.3)', () => {
  it('names a question citing an undeclared clause, with its line', () => {
    const line = lineOf(/^ {10}clause: SECURITY\.6$/);
    expect(line).toBeGreaterThan(0);
    expect(problemsWith(line, (l) => l.replace('SECURITY.6', 'SECURITY.99'))).toContainEqual(
      expect.objectContaining({
        code: 'policy.unknown_reference',
        line,
        message: 'unknown clause SECURITY.99',
      }),
    );
  });

  it('names a question asked twice in one checklist', () => {
    const line = lineOf(/- id: training-held$/);
    expect(problemsWith(line, (l) => l.replace('training-held', 'access-reviewed'))).toContainEqual(
      expect.objectContaining({
        code: 'policy.duplicate_id',
        line,
        message: 'duplicate question access-reviewed in handling-self-check',
      }),
    );
  });
});
