import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HogoError } from '../errors/index.ts';
import {
  anonymizeDataset,
  parseDatasetDefinition,
  verifyStandards,
  type SourceTable,
} from './index.ts';

const DEFINITION = `
name: test customers
source: { csv: customers.csv }
attributes:
  - { name: name, role: identifier }
  - { name: phone, role: identification-code }
  - { name: customer, role: linking-code }
  - name: age
    role: quasi-identifier
    hierarchy: { builtin: age, widths: [5, 10, 20, 40] }
    rare: { above: 100 }
  - { name: postal, role: quasi-identifier, hierarchy: { builtin: postal-code } }
  - { name: plan, role: sensitive }
privacy: { k: 3, suppressionLimit: 0.05 }
`;
const HEADER = ['customer', 'name', 'phone', 'age', 'postal', 'plan'];

const people = fc.array(
  fc.record({
    age: fc.integer({ min: 18, max: 104 }),
    postal: fc.constantFrom('1000001', '1000002', '1500001', '5300001', '5300011'),
    plan: fc.constantFrom('basic', 'plus', 'max'),
    lines: fc.integer({ min: 1, max: 2 }),
  }),
  { minLength: 20, maxLength: 120 },
);

/** A table where a person with two lines has two rows under the same customer ID. */
function tableOf(ps: { age: number; postal: string; plan: string; lines: number }[]): SourceTable {
  const rows: string[][] = [];
  ps.forEach((p, i) => {
    for (let l = 0; l < p.lines; l++) {
      rows.push([
        `C${1000 + i}`,
        `Name${i}`,
        `090${String(10_000_000 + i)}`,
        String(p.age),
        p.postal,
        p.plan,
      ]);
    }
  });
  return { header: HEADER, rows };
}

const run = (text: string, source: SourceTable) =>
  anonymizeDataset(parseDatasetDefinition(text, 'd.yaml'), source, () => '');

describe('anonymizeDataset on random tables', () => {
  it('meets k, removes identifiers and codes, and tokens are one per person', () => {
    fc.assert(
      fc.property(people, (ps) => {
        const source = tableOf(ps);
        const def = parseDatasetDefinition(DEFINITION, 'd.yaml');
        let out;
        try {
          out = anonymizeDataset(def, source, () => '');
        } catch (e) {
          // Only when the table is too small or too odd for any node within the limit.
          expect((e as HogoError).code).toMatch(/^anonymize\.(no_solution|k_too_large)$/);
          return;
        }
        expect(verifyStandards(def, source, out)).toEqual([]);
        expect(out.header).not.toContain('name');
        expect(out.header).not.toContain('phone');
        const classes = new Map<string, number>();
        const a = out.header.indexOf('age');
        const p = out.header.indexOf('postal');
        for (const r of out.rows)
          classes.set(`${r[a]}|${r[p]}`, (classes.get(`${r[a]}|${r[p]}`) ?? 0) + 1);
        for (const n of classes.values()) expect(n).toBeGreaterThanOrEqual(3);
        // Tokens: the rows of one customer share one token, different customers never do.
        const c = out.header.indexOf('customer');
        const plan = out.header.indexOf('plan');
        const codes = new Set(source.rows.map((r) => r[0]!));
        const tokensOf = new Map<string, Set<string>>();
        const kept = source.rows.filter((r) => Number(r[3]) <= 100);
        expect(out.rows.every((r) => !codes.has(r[c]!))).toBe(true);
        for (const r of out.rows)
          tokensOf.set(r[c]!, (tokensOf.get(r[c]!) ?? new Set()).add(r[plan]!));
        const customers = new Set(kept.map((r) => r[0]));
        expect(tokensOf.size).toBeLessThanOrEqual(customers.size);
        const rowsPerToken = new Map<string, number>();
        for (const r of out.rows) rowsPerToken.set(r[c]!, (rowsPerToken.get(r[c]!) ?? 0) + 1);
        for (const n of rowsPerToken.values()) expect(n).toBeLessThanOrEqual(2);
      }),
      { numRuns: 60 },
    );
  });

  it('meets distinct l-diversity on the sensitive attribute when asked', () => {
    const text = DEFINITION.replace(
      'privacy: { k: 3, suppressionLimit: 0.05 }',
      'privacy: { k: 3, suppressionLimit: 0.1, sensitive: plan, lDiversity: { kind: distinct, l: 2 } }',
    );
    fc.assert(
      fc.property(people, (ps) => {
        let out;
        try {
          out = run(text, tableOf(ps));
        } catch (e) {
          expect((e as HogoError).code).toMatch(/^anonymize\.(no_solution|k_too_large)$/);
          return;
        }
        const a = out.header.indexOf('age');
        const p = out.header.indexOf('postal');
        const plans = new Map<string, Set<string>>();
        for (const r of out.rows) {
          const key = `${r[a]}|${r[p]}`;
          plans.set(key, (plans.get(key) ?? new Set()).add(r[out.header.indexOf('plan')]!));
        }
        for (const s of plans.values()) expect(s.size).toBeGreaterThanOrEqual(2);
      }),
      { numRuns: 40 },
    );
  });
});

describe('the five standards of PPC Rule 34', () => {
  const source = tableOf(
    Array.from({ length: 60 }, (_, i) => ({
      age: i === 0 ? 103 : 20 + (i % 30),
      postal: i % 2 ? '1000001' : '1500001',
      plan: ['basic', 'plus', 'max'][i % 3]!,
      lines: 1,
    })),
  );
  const def = parseDatasetDefinition(DEFINITION, 'd.yaml');
  const good = anonymizeDataset(def, source, () => '');
  const col = (name: string) => source.header.indexOf(name);
  const withColumn = (name: string) => ({
    header: [...good.header, name],
    rows: good.rows.map((r, i) => [...r, source.rows[i]![col(name)]!]),
  });

  it('a data set made by anonymizeDataset meets all five and reports each step by rule', () => {
    expect(verifyStandards(def, source, good)).toEqual([]);
    expect(good.report.steps.map((s) => s.rule)).toEqual(
      [1, 2, 3, 4, 5].map((n) => `PPC Rule 34(${n})`),
    );
    expect(good.report.steps[3]!.rowsSuppressed).toBe(1);
  });
  it('34(1): keeping the names fails', () => {
    expect(verifyStandards(def, source, withColumn('name'))).toContain('PPC Rule 34(1)');
  });
  it('34(2): keeping the phone numbers fails', () => {
    expect(verifyStandards(def, source, withColumn('phone'))).toContain('PPC Rule 34(2)');
  });
  it('34(3): keeping the customer IDs instead of tokens fails', () => {
    const c = good.header.indexOf('customer');
    const rows = good.rows.map((r, i) => r.map((v, j) => (j === c ? source.rows[i]![0]! : v)));
    expect(verifyStandards(def, source, { header: good.header, rows })).toEqual(['PPC Rule 34(3)']);
  });
  it('34(4): keeping the age over 100 fails', () => {
    const rows = [...good.rows, good.header.map((h) => (h === 'age' ? '103' : 'x'))];
    expect(verifyStandards(def, source, { header: good.header, rows })).toContain('PPC Rule 34(4)');
  });
  it('34(5): ungeneralized ages fail k-anonymity', () => {
    const a = good.header.indexOf('age');
    const rows = good.rows.map((r, i) =>
      r.map((v, j) => (j === a ? source.rows[i + 1]![col('age')]! : v)),
    );
    expect(verifyStandards(def, source, { header: good.header, rows })).toContain('PPC Rule 34(5)');
  });
});

describe('bad input', () => {
  const source = tableOf(
    Array.from({ length: 10 }, (_, i) => ({
      age: 30 + i,
      postal: '1000001',
      plan: 'basic',
      lines: 1,
    })),
  );
  it('k larger than the table names the file, line and field', () => {
    const text = DEFINITION.replace('k: 3', 'k: 50');
    expect(() => run(text, source)).toThrow(
      /^d\.yaml:14:15 privacy\.k: k = 50 is larger than the table \(10 rows\)/,
    );
  });
  it('a column named twice names the second one', () => {
    const text = DEFINITION.replace(
      '- { name: plan, role: sensitive }',
      '- { name: plan, role: sensitive }\n  - { name: age, role: insensitive }',
    );
    expect(() => parseDatasetDefinition(text, 'd.yaml')).toThrow(
      /^d\.yaml:14:13 attributes\.6\.name: column "age" is named twice/,
    );
  });
  it('a hierarchy missing a value names the hierarchy file, the row and the field', () => {
    const text = DEFINITION.replace('{ builtin: postal-code }', '{ file: postal.csv }');
    const readFile = () => '1000001;100000*;*\n';
    const other = {
      header: HEADER,
      rows: [...source.rows, ['C9', 'N', '0', '40', '1500001', 'plus']],
    };
    expect(() => anonymizeDataset(parseDatasetDefinition(text, 'd.yaml'), other, readFile)).toThrow(
      /row 11, field postal: value "1500001" is not in its hierarchy/,
    );
  });
  it('an unknown role names its line', () => {
    expect(() =>
      parseDatasetDefinition(DEFINITION.replace('role: identifier', 'role: secret'), 'd.yaml'),
    ).toThrow(/^d\.yaml:5:\d+ attributes\.0\.role: must be one of/);
  });
});
