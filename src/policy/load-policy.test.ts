import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUNDLED_POLICY_PATH } from './bundled-policy-path.ts';
import {
  loadPolicyFile,
  parsePolicy,
  PolicyLoadError,
  type LocatedProblem,
} from './load-policy.ts';

const text = readFileSync(BUNDLED_POLICY_PATH, 'utf8');
const lines = text.split('\n');

/** The 1-based line of the first line matching `pattern` at or after line `from`. */
function lineOf(pattern: RegExp, from = 1): number {
  const index = lines.findIndex((l, i) => i >= from - 1 && pattern.test(l));
  if (index < 0) throw new Error(`no line matches ${pattern}`);
  return index + 1;
}

function problemsOf(source: string): readonly LocatedProblem[] {
  const result = parsePolicy(source, 'copy.yaml');
  if (result.ok) throw new Error('expected problems, the copy loaded');
  return result.problems;
}

function replaceLine(line: number, replace: (l: string) => string): string {
  return lines.map((l, i) => (i === line - 1 ? replace(l) : l)).join('\n');
}

describe('the bundled policy file', () => {
  it('loads without a problem', () => {
    const result = parsePolicy(text, BUNDLED_POLICY_PATH);
    expect(result.ok ? [] : result.problems).toEqual([]);
  });

  it('holds every clause ID of spec/clauses.md', () => {
    const spec = readFileSync(new URL('../../spec/clauses.md', import.meta.url), 'utf8');
    const ids = new Set(
      [...spec.matchAll(/`([A-Z][A-Z_]*(?:\.[A-Za-z0-9_]+)*)`/g)].map((m) => m[1]!),
    );
    // "PURPOSE.REG.2a–2e" is written as a range in the spec.
    for (const [group, n, letters] of [
      ['REG', 2, 'abcde'],
      ['OTH', 3, 'abcde'],
    ] as const) {
      for (const l of letters) ids.add(`PURPOSE.${group}.${n}${l}`);
    }
    // Only the section-rooted IDs: the spec also writes shorthands (`REG.6`, `CLAIMS`, `REG`).
    const rooted =
      /^(HANDLING|OBTAIN|PURPOSE|SECURITY|PROVIDE|JOINT_USE|ANONYMIZED|ADS|REQUEST|ESCALATION|REVISION|SP|SUI)(\.|$)/;
    for (const id of ids) if (!rooted.test(id)) ids.delete(id);
    const policy = loadPolicyFile(BUNDLED_POLICY_PATH);
    const known = new Set([...policy.document.clauses.map((c) => c.id), ...policy.purposes.keys()]);
    expect([...ids].filter((id) => !known.has(id))).toEqual([]);
    expect(ids.size).toBeGreaterThan(70);
  });

  it('keeps the copy of the shared spec identical to ../shared when that is present', () => {
    const shared = new URL('../../../shared/spec/clauses.md', import.meta.url);
    if (!existsSync(shared)) return;
    const copy = new URL('../../spec/clauses.md', import.meta.url);
    expect(readFileSync(copy, 'utf8')).toBe(readFileSync(shared, 'utf8'));
  });
});

describe('hogo policy check, on a broken copy', () => {
  it('names the line of a duplicated clause ID', () => {
    const line = lineOf(/^\s*- id: PROVIDE\.CLAIMS\s*$/);
    const problems = problemsOf(
      replaceLine(line, (l) => l.replace('PROVIDE.CLAIMS', 'PROVIDE.FAMILY')),
    );
    const duplicate = problems.find((p) => p.code === 'policy.duplicate_id');
    expect(duplicate).toMatchObject({ file: 'copy.yaml', line, clause: 'PROVIDE.FAMILY' });
    expect(duplicate?.message).toContain('PROVIDE.FAMILY');
  });

  it('names an unknown reference with its line and clause', () => {
    const line = lineOf(/conditionClause: SP\.2022\.TRANSITIONAL/);
    const problems = problemsOf(
      replaceLine(line, (l) => l.replace('SP.2022.TRANSITIONAL', 'SP.2099')),
    );
    expect(problems).toContainEqual(
      expect.objectContaining({
        code: 'policy.unknown_reference',
        line,
        message: 'unknown clause SP.2099',
      }),
    );
  });

  it('refuses a legal ground that lets My Number leave without its case of My Number Act Art. 19', () => {
    const line = lineOf(/myNumberAct: "My Number Act Art. 19: provision for court proceedings"/);
    const problems = problemsOf(replaceLine(line, () => ''));
    expect(problems).toContainEqual(
      expect.objectContaining({ code: 'policy.my_number_ground_required', line: line - 1 }),
    );
  });

  it('refuses a withholding that names an unknown legal ground, with its line', () => {
    const line = lineOf(/grounds: \[CRIMINAL_INVESTIGATION, COURT_ORDER, TAX_INQUIRY\]/);
    const problems = problemsOf(replaceLine(line, (l) => l.replace('COURT_ORDER', 'COURT')));
    expect(problems).toContainEqual(
      expect.objectContaining({
        code: 'policy.unknown_reference',
        line,
        message: 'unknown legal ground COURT',
      }),
    );
  });

  it('names the column of an unknown fact inside a condition', () => {
    const line = lineOf(/condition: .*item\.service\.transferredFromDocomo/);
    const source = replaceLine(line, (l) =>
      l.replace('item.service.transferredFromDocomo', 'item.service.fromDocomo'),
    );
    const problem = problemsOf(source).find((p) => p.code === 'policy.invalid_condition');
    expect(problem?.line).toBe(line);
    expect(problem?.message).toContain("unknown fact 'item.service.fromDocomo'");
    const column = source.split('\n')[line - 1]!.indexOf('item.service.fromDocomo') + 1;
    expect(problem?.column).toBe(column);
    expect(problem?.clause).toMatch(/^PURPOSE\./);
  });

  it('refuses a condition that does not type-check', () => {
    const line = lineOf(/condition: .*item\.acquiredAt >= 2022-07-01/);
    const problems = problemsOf(
      replaceLine(line, (l) =>
        l.replace('item.acquiredAt >= 2022-07-01', "item.acquiredAt >= 'soon'"),
      ),
    );
    expect(problems).toContainEqual(
      expect.objectContaining({ code: 'policy.invalid_condition', line }),
    );
  });

  it('refuses overlapping versions', () => {
    const line = lineOf(/^\s*- id: "?2023-07-01"?\s*$/);
    const problems = problemsOf(replaceLine(line, (l) => l.replace('2023-07-01', '2023-04-01')));
    expect(problems).toContainEqual(
      expect.objectContaining({ code: 'policy.overlapping_versions', line }),
    );
  });

  it('refuses a fee on a kind the law lets no one charge for, naming its line', () => {
    const idLine = lineOf(/^\s*- id: REQUEST\.DELETION\s*$/, lineOf(/^requestKinds:/));
    const dueLine = lineOf(/^\s*dueDays: /, idLine);
    const source = lines
      .flatMap((l, i) =>
        i === dueLine - 1
          ? [
              l,
              l.replace(
                /dueDays: .*/,
                'fee: { amount: 500, taxRate: 0.1, per: request, currency: JPY }',
              ),
            ]
          : [l],
      )
      .join('\n');
    expect(problemsOf(source)).toContainEqual(
      expect.objectContaining({ code: 'policy.fee_not_allowed', line: dueLine + 1 }),
    );
  });

  it('refuses a package on a kind that delivers none, naming its line', () => {
    const idLine = lineOf(/^\s*- id: REQUEST\.COMPLAINT\s*$/, lineOf(/^requestKinds:/));
    const dueLine = lineOf(/^\s*dueDays: /, idLine);
    const source = lines
      .flatMap((l, i) =>
        i === dueLine - 1 ? [l, l.replace(/dueDays: .*/, 'deliversPackage: true')] : [l],
      )
      .join('\n');
    expect(problemsOf(source)).toContainEqual(
      expect.objectContaining({ code: 'policy.package_kind', line: dueLine + 1 }),
    );
  });

  it('refuses a disclosure that does not say it delivers a package (APPI Art. 33(1))', () => {
    const idLine = lineOf(/^\s*- id: REQUEST\.DISCLOSURE\s*$/, lineOf(/^requestKinds:/));
    const line = lineOf(/^\s*deliversPackage: true\s*$/, idLine);
    const source = lines.filter((_, i) => i !== line - 1).join('\n');
    expect(problemsOf(source)).toContainEqual(
      expect.objectContaining({ code: 'policy.package_kind', line: idLine }),
    );
  });

  it('accepts a fee on a notice of the purposes of use (APPI Art. 38(1) allows one)', () => {
    const idLine = lineOf(/^\s*- id: REQUEST\.PURPOSES\s*$/, lineOf(/^requestKinds:/));
    const dueLine = lineOf(/^\s*dueDays: /, idLine);
    const source = lines
      .flatMap((l, i) =>
        i === dueLine - 1
          ? [
              l,
              l.replace(
                /dueDays: .*/,
                'fee: { amount: 500, taxRate: 0.1, per: request, currency: JPY }',
              ),
            ]
          : [l],
      )
      .join('\n');
    expect(source).toContain('amount: 500');
    const result = parsePolicy(source, 'copy.yaml');
    expect(result.ok ? [] : result.problems).toEqual([]);
  });

  it('refuses a purpose without text, naming the purpose', () => {
    const idLine = lineOf(/^\s*- id: PURPOSE\.REG\.3\s*$/);
    const enLine = lineOf(/^\s*en: /, idLine);
    const problems = problemsOf(replaceLine(enLine, (l) => l.replace(/en: .*/, 'en: "  "')));
    expect(problems).toContainEqual(
      expect.objectContaining({ code: 'policy.missing_text', clause: 'PURPOSE.REG.3' }),
    );
  });

  it('reports a YAML syntax error with its line', () => {
    const line = lineOf(/^purposes:/);
    const problems = problemsOf(replaceLine(line, () => 'purposes: [unclosed'));
    expect(problems[0]).toMatchObject({ code: 'policy.yaml' });
    expect(problems[0]!.line).toBeGreaterThanOrEqual(line);
  });

  it('reports a field of the wrong type with its path', () => {
    const line = lineOf(/dueDays: 14/);
    const problems = problemsOf(replaceLine(line, (l) => l.replace('14', 'fourteen')));
    expect(problems).toContainEqual(expect.objectContaining({ code: 'policy.schema', line }));
    expect(problems[0]!.clause).toMatch(/^REQUEST\./);
  });

  it('never half-loads: loadPolicyFile throws with every problem', () => {
    expect(() => loadPolicyFile('/nonexistent/policy.yaml')).toThrow(PolicyLoadError);
  });
});

describe('a policy file that would not expand', () => {
  it('refuses a YAML alias bomb with the line of its first alias, quickly', () => {
    const levels = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let n = 1; n < 9; n++) {
      const prev = String.fromCharCode(96 + n);
      const name = String.fromCharCode(97 + n);
      levels.push(`${name}: &${name} [${Array(10).fill(`*${prev}`).join(',')}]`);
    }
    const bomb = `version: 1\n${levels.join('\n')}\n`;
    const started = performance.now();
    const result = parsePolicy(bomb, 'bomb.yaml');
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(result.ok).toBe(false);
    const [problem] = (result as { problems: readonly LocatedProblem[] }).problems;
    expect(problem).toMatchObject({ file: 'bomb.yaml', line: 3, code: 'policy.yaml' });
    expect(problem!.message).toMatch(/cannot be expanded/);
  });
});
