import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compilePolicy, MASKABLE_RULES } from './compile-policy.ts';
import { decide } from './decide.ts';
import { buildRequest, bundledPolicy } from './test-support.ts';

const policy = bundledPolicy();
const categories = policy.document.categories.map((c) => c.id);
const purposes = [...policy.purposes.keys(), 'PURPOSE.REG.99', ''];

/** ISO instants with both offsets, around the 2022-07-01 boundary and across the policy's life. */
const instant = fc
  .integer({ min: Date.parse('2004-01-01T00:00:00Z'), max: Date.parse('2027-12-31T00:00:00Z') })
  .chain((ms) =>
    fc.constantFrom(
      new Date(ms).toISOString(),
      new Date(ms + 9 * 3_600_000).toISOString().replace('Z', '+09:00'),
    ),
  );

const wellFormed = fc.record({
  at: instant,
  purpose: fc.constantFrom(...purposes.filter((p) => p !== '')),
  customer: fc.record({
    group: fc.constantFrom('REG', 'OTH'),
    adOptOut: fc.boolean(),
    suspensions: fc.array(fc.record({ kind: fc.constantFrom('use', 'provision'), from: instant }), {
      maxLength: 2,
    }),
    consents: fc.array(
      fc.record({ purpose: fc.constantFrom(...purposes.slice(0, 6)), at: instant }),
      {
        maxLength: 2,
      },
    ),
  }),
  item: fc.record({
    category: fc.constantFrom(...categories),
    acquiredAt: instant,
    service: fc.record({ id: fc.string({ minLength: 1 }), transferredFromDocomo: fc.boolean() }),
  }),
});

/** Anything JSON can hold, and well-formed requests with one field broken. */
const malformed = fc.oneof(
  fc.anything(),
  fc.jsonValue(),
  fc
    .tuple(wellFormed, fc.constantFrom('at', 'purpose', 'customer', 'item'), fc.anything())
    .map(([request, key, value]) => ({ ...request, [key]: value })),
  fc
    .tuple(wellFormed, fc.constantFrom('category', 'acquiredAt', 'service'), fc.jsonValue())
    .map(([request, key, value]) => ({ ...request, item: { ...request.item, [key]: value } })),
);

describe('decide, on random input', () => {
  it('never throws: a malformed request gets an error with a code, a message and a path', () => {
    fc.assert(
      fc.property(malformed, (request) => {
        const outcome = decide(policy, request, { now: 0 });
        if ('error' in outcome) {
          expect(outcome.error.code).toMatch(/^request\./);
          expect(typeof outcome.error.message).toBe('string');
          expect(typeof outcome.error.path).toBe('string');
        } else {
          expect(['permit', 'deny']).toContain(outcome.decision);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('is deterministic: the same request gets the same result', () => {
    fc.assert(
      fc.property(wellFormed, (request) => {
        const first = decide(policy, request);
        const second = decide(policy, structuredClone(request));
        expect(second).toEqual(first);
        expect('error' in first).toBe(false);
      }),
      { numRuns: 3000 },
    );
  });

  it('keeps nothing of the request before: the same result after any other request', () => {
    // decide reads into scratch lists refilled in place; a longer list before must not leak.
    fc.assert(
      fc.property(wellFormed, wellFormed, (before, request) => {
        const alone = decide(policy, structuredClone(request), { now: 0 });
        decide(policy, before, { now: 0 });
        decide(policy, { ...before, customer: { ...before.customer, consents: [{}] } });
        expect(decide(policy, request, { now: 0 })).toEqual(alone);
      }),
      { numRuns: 3000 },
    );
  });

  it('always cites at least one clause, and every cited clause exists in the policy', () => {
    const known = new Set([...policy.document.clauses.map((c) => c.id), ...policy.purposes.keys()]);
    fc.assert(
      fc.property(wellFormed, (request) => {
        const outcome = decide(policy, request);
        if ('error' in outcome) throw new Error(JSON.stringify(outcome));
        expect(outcome.clauses.length).toBeGreaterThan(0);
        for (const clause of outcome.clauses) expect(known.has(clause)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('does not read the time of day in UTC: the same instant in Z and +09:00 decides alike', () => {
    fc.assert(
      fc.property(instant, (at) => {
        const ms = Date.parse(at);
        const utc = new Date(ms).toISOString();
        const jst = new Date(ms + 9 * 3_600_000).toISOString().replace('Z', '+09:00');
        const ask = (acquiredAt: string) =>
          decide(
            policy,
            buildRequest({
              purpose: 'PURPOSE.REG.7',
              item: { acquiredAt, service: { id: 's', transferredFromDocomo: true } },
            }),
          );
        expect(ask(jst)).toEqual(ask(utc));
      }),
      { numRuns: 1000 },
    );
  });

  it('answers alike when the policy has more rules than fit a bit set', () => {
    // Padding rules that never hold, in front, push every real rule past the bit set, so the
    // engine takes its rule-by-rule path; every answer must stay the same.
    const doc = structuredClone(policy.document);
    const padding = Array.from({ length: MASKABLE_RULES + 1 }, (_, k) => ({
      ...doc.rules[0]!,
      id: `PAD.${k}`,
      when: "customer.group == 'NOBODY'",
    }));
    doc.rules = [...padding, ...doc.rules];
    const padded = compilePolicy(doc);
    expect(padded.ruleBitsByVersion).toBeNull();
    expect(policy.ruleBitsByVersion).not.toBeNull();
    let denials = 0;
    fc.assert(
      fc.property(wellFormed, (request) => {
        const plain = decide(policy, request, { now: 0 });
        const byRule = decide(padded, request, { now: 0 });
        expect(byRule).toEqual(plain);
        if ('decision' in plain && plain.decision === 'deny') denials++;
      }),
      { numRuns: 3000 },
    );
    expect(denials).toBeGreaterThan(100);
  });
});
