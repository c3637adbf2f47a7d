import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUNDLED_POLICY_PATH } from './bundled-policy-path.ts';
import { parsePolicy } from './load-policy.ts';
import { retentionOf, type RetentionFacts } from './retention-of.ts';
import { bundledPolicy } from './test-support.ts';

const at = (iso: string) => Date.parse(iso);
const NOW = at('2026-01-10T00:00:00Z');

function facts(overrides: Partial<RetentionFacts> = {}): RetentionFacts {
  return {
    now: NOW,
    items: [
      { id: 'name', category: 'name', serviceId: null },
      { id: 'email', category: 'email', serviceId: null },
      { id: 'usage', category: 'usage', serviceId: 'svc-1' },
      { id: 'behaviour', category: 'behaviour', serviceId: null },
    ],
    services: [{ id: 'svc-1', endedAt: null, claimsAssignee: null }],
    holds: [],
    ...overrides,
  };
}

const keptBy = (f: RetentionFacts) =>
  Object.fromEntries(
    retentionOf(bundledPolicy(), f).map((r) => [r.itemId, r.keeps.map((k) => k.clause)]),
  );

describe('retention duties (RETAIN)', () => {
  it('keeps what an active contract needs and nothing else', () => {
    expect(keptBy(facts())).toEqual({
      name: ['RETAIN.CONTRACT'],
      email: ['RETAIN.CONTRACT'],
      usage: ['RETAIN.CONTRACT'],
      behaviour: [],
    });
  });

  it('keeps contract records ten years from the end of the fiscal year the contract ended in', () => {
    // Ended 2020-06-15 (JST): fiscal year ends 2021-03-31, kept through 2031-03-31 JST.
    const ended = facts({
      services: [{ id: 'svc-1', endedAt: at('2020-06-15T03:00:00Z'), claimsAssignee: null }],
    });
    const name = retentionOf(bundledPolicy(), ended).find((r) => r.itemId === 'name')!;
    expect(name.keeps).toMatchObject([
      { clause: 'RETAIN.ACCOUNTING', until: at('2031-04-01T00:00:00+09:00') },
    ]);
    expect(keptBy(ended).email).toEqual([]);
    expect(keptBy(ended).usage).toEqual([]);
    // A contract that ended on 31 March closes that same fiscal year.
    const march = facts({
      services: [{ id: 'svc-1', endedAt: at('2016-03-31T10:00:00+09:00'), claimsAssignee: null }],
    });
    expect(
      retentionOf(bundledPolicy(), march).find((r) => r.itemId === 'name')!.keeps[0]?.until,
    ).toBe(at('2026-04-01T00:00:00+09:00'));
    // Ended long enough ago: nothing keeps anything.
    const old = facts({
      services: [{ id: 'svc-1', endedAt: at('2010-01-01T00:00:00Z'), claimsAssignee: null }],
    });
    expect(Object.values(keptBy(old)).flat()).toEqual([]);
  });

  it('keeps what a collector needs while claims are assigned, and everything under a hold', () => {
    const assigned = facts({
      services: [
        { id: 'svc-1', endedAt: at('2010-01-01T00:00:00Z'), claimsAssignee: 'ntt-finance' },
      ],
    });
    expect(keptBy(assigned)).toMatchObject({ name: ['RETAIN.CLAIMS'], email: [] });
    const held = facts({ holds: [{ id: 'hold-1', until: at('2027-01-01T00:00:00Z') }] });
    expect(keptBy(held).behaviour).toEqual(['RETAIN.HOLD']);
    const ended = facts({ holds: [{ id: 'hold-1', until: NOW }] });
    expect(keptBy(ended).behaviour).toEqual([]);
  });
});

describe('hogo policy check of the retention section', () => {
  const text = readFileSync(BUNDLED_POLICY_PATH, 'utf8');
  const lines = text.split('\n');
  const lineOf = (pattern: RegExp) => lines.findIndex((l) => pattern.test(l)) + 1;

  it('names the line and column of an unknown category, a missing clause and misplaced years', () => {
    // One line is inserted after RETAIN.CONTRACT's reason, so later lines move down by one.
    const years = lineOf(/^ {6}reason: activeContract$/) + 1;
    const accounting = lineOf(/^ {4}- id: RETAIN\.ACCOUNTING$/);
    const categories = lineOf(/^ {6}categories: \[name, address, contract, billing\]$/);
    const broken = lines
      .map((l, i) =>
        i === accounting - 1
          ? '    - id: RETAIN.BOOKS'
          : i === categories - 1
            ? '      categories: [name, adress, contract, billing]'
            : l,
      )
      .join('\n')
      .replace(/(reason: activeContract\n)/, '$1      years: 3\n');
    const result = parsePolicy(broken, 'copy.yaml');
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems;
    expect(
      problems.map((p) => `${p.line}:${p.column} ${p.code} ${p.message.split(':')[0]}`),
    ).toEqual(
      expect.arrayContaining([
        `${years}:14 policy.invalid_field years applies to an afterContract duty only (RETAIN.CONTRACT is activeContract)`,
        `${accounting + 1}:11 policy.unknown_reference unknown clause RETAIN.BOOKS`,
        `${categories + 1}:26 policy.unknown_reference unknown category adress`,
      ]),
    );
  });
});
