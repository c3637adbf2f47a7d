import { describe, expect, it } from 'vitest';
import { compilePolicy } from './compile-policy.ts';
import { decide, decideBatch } from './decide.ts';
import type { DecisionOutcome, DecisionResult } from './decision-request.ts';
import { buildRequest, bundledPolicy } from './test-support.ts';

const policy = bundledPolicy();

function decided(request: unknown): DecisionResult {
  const outcome: DecisionOutcome = decide(policy, request);
  if ('error' in outcome) throw new Error(`unexpected error: ${JSON.stringify(outcome.error)}`);
  return outcome;
}

const transferred = { id: 'svc-42', transferredFromDocomo: true };

describe('decision-format.md example', () => {
  it('permits other companies’ ads for an e-mail acquired after 2022-07-01 under a transferred service', () => {
    const result = decided({
      at: '2026-01-10T09:00:00+09:00',
      purpose: 'PURPOSE.REG.7',
      customer: {
        group: 'REG',
        adOptOut: false,
        suspensions: [
          { kind: 'use', from: '2025-03-01T00:00:00+09:00', purposes: ['PURPOSE.REG.5'] },
        ],
        consents: [{ purpose: 'PURPOSE.REG.5', at: '2024-01-01T10:00:00+09:00' }],
      },
      item: {
        category: 'email',
        acquiredAt: '2022-07-01T00:30:00+09:00',
        service: transferred,
        survey: 'srv-7',
      },
      recipient: { kind: 'adPlatform', id: 'meta' },
    });
    expect(result.decision).toBe('permit');
    expect(result.clauses.slice(0, 2)).toEqual(['PURPOSE.REG.7', 'SP.2022.TRANSITIONAL']);
    expect(result.clauses).toContain('ADS');
    expect(result.policyVersion).toBe('2025-02-03');
    expect(result.reason.en).toMatch(/PURPOSE\.REG\.7/);
    expect(result.reason.ja.length).toBeGreaterThan(0);
  });
});

describe('rule 1 — PURPOSE.NOTIFIED: the purpose must exist at `at` for the group', () => {
  it('permits a listed purpose for its group', () => {
    const r = decided(buildRequest());
    expect(r.decision).toBe('permit');
    expect(r.clauses[0]).toBe('PURPOSE.REG.1b');
  });
  it('denies a purpose the policy does not list', () => {
    const r = decided(buildRequest({ purpose: 'PURPOSE.REG.99' }));
    expect(r).toMatchObject({ decision: 'deny', clauses: ['PURPOSE.NOTIFIED'] });
    expect(r.reason.en).toContain('PURPOSE.REG.99');
  });
  it('denies an OTH purpose for a registered customer', () => {
    const r = decided(buildRequest({ purpose: 'PURPOSE.OTH.1' }));
    expect(r).toMatchObject({ decision: 'deny', clauses: ['PURPOSE.NOTIFIED', 'PURPOSE.OTH.1'] });
  });
  it('denies a transitional purpose used before 2022-07-01 (not yet in force)', () => {
    const r = decided(
      buildRequest({
        at: '2022-06-30T12:00:00+09:00',
        purpose: 'PURPOSE.REG.7',
        item: { acquiredAt: '2022-06-30T10:00:00+09:00', service: transferred },
      }),
    );
    expect(r).toMatchObject({
      decision: 'deny',
      clauses: ['PURPOSE.NOTIFIED', 'PURPOSE.REG.7'],
      policyVersion: '2005-04-01',
    });
  });
  it('denies any use before the policy was enacted (REVISION)', () => {
    const r = decided(
      buildRequest({
        at: '2005-03-31T23:59:59+09:00',
        item: { acquiredAt: '2005-01-01T00:00:00+09:00' },
      }),
    );
    expect(r).toMatchObject({ decision: 'deny', clauses: ['REVISION'], policyVersion: null });
  });
});

describe('rule 2 — PURPOSE.NOTIFIED: in force when the item was acquired, unless consented since', () => {
  const early = { acquiredAt: '2004-12-01T10:00:00+09:00' };
  it('denies a purpose that was not in force when the item was acquired', () => {
    const r = decided(buildRequest({ purpose: 'PURPOSE.REG.5', item: early }));
    expect(r).toMatchObject({ decision: 'deny', clauses: ['PURPOSE.NOTIFIED', 'PURPOSE.REG.5'] });
  });
  it('permits it when the customer consented before the use, citing the consent', () => {
    const r = decided(
      buildRequest({
        purpose: 'PURPOSE.REG.5',
        item: early,
        customer: { consents: [{ purpose: 'PURPOSE.REG.5', at: '2025-12-01T00:00:00+09:00' }] },
      }),
    );
    expect(r.decision).toBe('permit');
    expect(r.clauses).toEqual(['PURPOSE.REG.5', 'PURPOSE.NOTIFIED']);
  });
  it('denies when the consent comes after the use', () => {
    const r = decided(
      buildRequest({
        purpose: 'PURPOSE.REG.5',
        item: early,
        customer: { consents: [{ purpose: 'PURPOSE.REG.5', at: '2026-02-01T00:00:00+09:00' }] },
      }),
    );
    expect(r.decision).toBe('deny');
  });
  it('denies when the consent is to another purpose', () => {
    const r = decided(
      buildRequest({
        purpose: 'PURPOSE.REG.5',
        item: early,
        customer: { consents: [{ purpose: 'PURPOSE.REG.3', at: '2025-01-01T00:00:00+09:00' }] },
      }),
    );
    expect(r.decision).toBe('deny');
  });

  describe('PURPOSE.EXTRA: a purpose specified through a service or survey', () => {
    const doc = structuredClone(policy.document);
    doc.extraPurposes = [
      {
        id: 'PURPOSE.EXTRA.SURVEY-7',
        group: 'REG',
        text: { en: 'Analysing answers to survey 7' },
        specifiedAt: '2024-04-01',
        surveys: ['srv-7'],
      },
    ];
    const withExtra = compilePolicy(doc);
    const ask = (item: object, at = '2026-01-10T09:00:00+09:00') =>
      decide(withExtra, buildRequest({ at, purpose: 'PURPOSE.EXTRA.SURVEY-7', item }));
    it('permits an item obtained through that survey after the purpose was specified', () => {
      expect(ask({ survey: 'srv-7', acquiredAt: '2024-04-01T00:00:00+09:00' })).toMatchObject({
        decision: 'permit',
        clauses: ['PURPOSE.EXTRA.SURVEY-7', 'PURPOSE.EXTRA'],
      });
    });
    it('denies an item obtained through that survey before the purpose was specified', () => {
      expect(ask({ survey: 'srv-7', acquiredAt: '2024-03-31T23:59:59+09:00' })).toMatchObject({
        decision: 'deny',
        clauses: ['PURPOSE.NOTIFIED', 'PURPOSE.EXTRA.SURVEY-7'],
      });
    });
    it('denies an item obtained through another survey', () => {
      expect(ask({ survey: 'srv-8', acquiredAt: '2025-01-01T00:00:00+09:00' })).toMatchObject({
        decision: 'deny',
      });
    });
    it('denies a use before the purpose was specified', () => {
      expect(
        ask(
          { survey: 'srv-7', acquiredAt: '2024-04-01T00:00:00+09:00' },
          '2024-03-31T12:00:00+09:00',
        ),
      ).toMatchObject({
        decision: 'deny',
        clauses: ['PURPOSE.NOTIFIED', 'PURPOSE.EXTRA.SURVEY-7'],
      });
    });
  });
});

describe('rule 3 — SP.2022.TRANSITIONAL: transferred service and acquired on or after 2022-07-01 JST', () => {
  const reg7 = (item: object, at = '2026-01-10T09:00:00+09:00') =>
    decided(buildRequest({ at, purpose: 'PURPOSE.REG.7', item }));

  it('permits an item acquired at 2022-07-01 00:00 JST given in UTC (2022-06-30T15:00:00Z)', () => {
    const r = reg7({ acquiredAt: '2022-06-30T15:00:00Z', service: transferred });
    expect(r.decision).toBe('permit');
    expect(r.clauses).toEqual(['PURPOSE.REG.7', 'SP.2022.TRANSITIONAL']);
  });
  it('denies an item acquired one second earlier (2022-06-30T14:59:59Z = 23:59:59 JST)', () => {
    const r = reg7({ acquiredAt: '2022-06-30T14:59:59Z', service: transferred });
    expect(r.decision).toBe('deny');
    expect(r.clauses[0]).toBe('SP.2022.TRANSITIONAL');
  });
  it('permits at 2022-07-01T00:00:00+09:00 and denies at 2022-06-30T23:59:59.999+09:00', () => {
    expect(reg7({ acquiredAt: '2022-07-01T00:00:00+09:00', service: transferred }).decision).toBe(
      'permit',
    );
    expect(
      reg7({ acquiredAt: '2022-06-30T23:59:59.999+09:00', service: transferred }).decision,
    ).toBe('deny');
  });
  it('treats `at` on the boundary in Japan time: REG.7 exists from 2022-06-30T15:00:00Z, not a millisecond before', () => {
    const item = { acquiredAt: '2022-06-30T15:00:00Z', service: transferred };
    expect(reg7(item, '2022-06-30T15:00:00Z')).toMatchObject({
      decision: 'permit',
      policyVersion: '2022-07-01',
    });
    expect(reg7(item, '2022-06-30T14:59:59.999Z')).toMatchObject({
      decision: 'deny',
      clauses: ['PURPOSE.NOTIFIED', 'PURPOSE.REG.7'],
      policyVersion: '2005-04-01',
    });
  });
  it('denies other companies’ ads for a service not transferred from NTT DOCOMO', () => {
    const r = reg7({
      acquiredAt: '2023-01-01T00:00:00+09:00',
      service: { id: 'svc-1', transferredFromDocomo: false },
    });
    expect(r).toMatchObject({
      decision: 'deny',
      clauses: ['SP.2022.TRANSITIONAL', 'PURPOSE.REG.7'],
    });
  });
  it('denies an item obtained under no service', () => {
    expect(reg7({ acquiredAt: '2023-01-01T00:00:00+09:00' }).decision).toBe('deny');
  });
  it('is not cured by consent', () => {
    const r = decided(
      buildRequest({
        purpose: 'PURPOSE.OTH.6',
        customer: {
          group: 'OTH',
          consents: [{ purpose: 'PURPOSE.OTH.6', at: '2025-01-01T00:00:00+09:00' }],
        },
        item: { acquiredAt: '2022-06-01T00:00:00+09:00', service: transferred },
      }),
    );
    expect(r.decision).toBe('deny');
    expect(r.clauses[0]).toBe('SP.2022.TRANSITIONAL');
  });
  it('applies to all four transitional purposes', () => {
    for (const [purpose, group] of [
      ['PURPOSE.REG.6', 'REG'],
      ['PURPOSE.REG.7', 'REG'],
      ['PURPOSE.OTH.5', 'OTH'],
      ['PURPOSE.OTH.6', 'OTH'],
    ] as const) {
      const ask = (transferredFromDocomo: boolean) =>
        decided(
          buildRequest({
            purpose,
            customer: { group },
            item: {
              acquiredAt: '2024-01-01T00:00:00+09:00',
              service: { id: 's', transferredFromDocomo },
            },
          }),
        ).decision;
      expect([purpose, ask(true), ask(false)]).toEqual([purpose, 'permit', 'deny']);
    }
  });
});

describe('rule 4 — PURPOSE.MY_NUMBER and OBTAIN.SENSITIVE', () => {
  it('denies My Number for every §3 purpose, even with consent', () => {
    const r = decided(
      buildRequest({
        item: { category: 'myNumber' },
        customer: { consents: [{ purpose: 'PURPOSE.REG.1b', at: '2025-01-01T00:00:00+09:00' }] },
      }),
    );
    expect(r).toMatchObject({ decision: 'deny', clauses: ['PURPOSE.MY_NUMBER', 'PURPOSE.REG.1b'] });
  });
  it('denies sensitive information without consent to that purpose', () => {
    const r = decided(buildRequest({ item: { category: 'sensitive' } }));
    expect(r).toMatchObject({ decision: 'deny', clauses: ['OBTAIN.SENSITIVE', 'PURPOSE.REG.1b'] });
  });
  it('permits sensitive information with prior consent to that purpose', () => {
    const r = decided(
      buildRequest({
        item: { category: 'sensitive' },
        customer: { consents: [{ purpose: 'PURPOSE.REG.1b', at: '2023-04-01T00:00:00+09:00' }] },
      }),
    );
    expect(r.decision).toBe('permit');
  });
});

describe('rule 5 — REQUEST.SUSPEND_USE and REQUEST.SUSPEND_PROVISION', () => {
  const suspension = (kind: string, from: string, purposes?: string[]) => ({
    customer: { suspensions: [purposes ? { kind, from, purposes } : { kind, from }] },
  });
  it('denies a use covered by a suspension in force', () => {
    const r = decided(
      buildRequest({
        purpose: 'PURPOSE.REG.5',
        ...suspension('use', '2025-03-01T00:00:00+09:00', ['PURPOSE.REG.5']),
      }),
    );
    expect(r).toMatchObject({
      decision: 'deny',
      clauses: ['REQUEST.SUSPEND_USE', 'PURPOSE.REG.5'],
    });
  });
  it('permits the use before the suspension took effect', () => {
    const r = decided(
      buildRequest({
        purpose: 'PURPOSE.REG.5',
        ...suspension('use', '2026-02-01T00:00:00+09:00', ['PURPOSE.REG.5']),
      }),
    );
    expect(r.decision).toBe('permit');
  });
  it('a suspension naming no purposes covers promotion but not billing (suspendable: false)', () => {
    const s = suspension('use', '2025-03-01T00:00:00+09:00');
    expect(decided(buildRequest({ purpose: 'PURPOSE.REG.2a', ...s })).decision).toBe('deny');
    expect(decided(buildRequest({ purpose: 'PURPOSE.REG.1b', ...s })).decision).toBe('permit');
  });
  it('a suspension of provision denies a subcontractor but not an authority', () => {
    const s = suspension('provision', '2025-03-01T00:00:00+09:00');
    const to = (kind: string) => decided(buildRequest({ ...s, recipient: { kind } }));
    expect(to('subcontractor')).toMatchObject({
      decision: 'deny',
      clauses: ['REQUEST.SUSPEND_PROVISION', 'PURPOSE.REG.1b'],
    });
    expect(to('authority')).toMatchObject({
      decision: 'permit',
      clauses: ['PURPOSE.REG.1b', 'PROVIDE.AUTHORITY'],
    });
  });
  it('a suspension of provision does not stop the company’s own use', () => {
    expect(
      decided(buildRequest(suspension('provision', '2025-03-01T00:00:00+09:00'))).decision,
    ).toBe('permit');
  });
});

describe('rule 6 — ADS.OPT_OUT and ADS.ITEMS', () => {
  const ads = (overrides: object) =>
    decided(
      buildRequest({
        purpose: 'PURPOSE.REG.5',
        recipient: { kind: 'adPlatform', id: 'google' },
        ...overrides,
      }),
    );
  it('permits an e-mail to Google for ads of our services', () => {
    expect(ads({})).toMatchObject({ decision: 'permit', clauses: ['PURPOSE.REG.5', 'ADS'] });
  });
  it('denies an opted-out customer', () => {
    expect(ads({ customer: { adOptOut: true } })).toMatchObject({
      decision: 'deny',
      clauses: ['ADS.OPT_OUT', 'PURPOSE.REG.5'],
    });
  });
  it('denies a category the platform does not accept (billing to Google)', () => {
    expect(ads({ item: { category: 'billing' } })).toMatchObject({
      decision: 'deny',
      clauses: ['ADS.ITEMS', 'ADS', 'PURPOSE.REG.5'],
    });
  });
  it('accepts gender for Meta but not for Yahoo', () => {
    const to = (id: string) =>
      ads({ item: { category: 'gender' }, recipient: { kind: 'adPlatform', id } }).decision;
    expect([to('meta'), to('yahoo')]).toEqual(['permit', 'deny']);
  });
  it('denies a platform the policy does not name', () => {
    expect(ads({ recipient: { kind: 'adPlatform', id: 'tiktok' } }).decision).toBe('deny');
  });
  it('cites every clause that denies, most decisive first', () => {
    const r = ads({ customer: { adOptOut: true }, item: { category: 'billing' } });
    expect(r.clauses).toEqual(['ADS.OPT_OUT', 'ADS.ITEMS', 'ADS', 'PURPOSE.REG.5']);
  });
  it('cites the purpose’s own condition before the rules, the same on every repetition', () => {
    const ask = () =>
      decided(
        buildRequest({
          purpose: 'PURPOSE.REG.7',
          customer: { adOptOut: true },
          item: { category: 'billing', acquiredAt: '2022-06-30T14:59:59Z', service: transferred },
          recipient: { kind: 'adPlatform', id: 'meta' },
        }),
      );
    const first = ask();
    expect(first.decision).toBe('deny');
    expect(first.clauses[0]).toBe('SP.2022.TRANSITIONAL');
    expect(first.clauses).toEqual(expect.arrayContaining(['ADS.OPT_OUT', 'ADS.ITEMS']));
    expect(first.clauses.at(-1)).toBe('PURPOSE.REG.7');
    expect(new Set(first.clauses).size).toBe(first.clauses.length);
    expect(ask().clauses).toEqual(first.clauses);
  });
});

describe('rule 7 — PROVIDE.FAMILY: only name, address and contract', () => {
  for (const [category, decision] of [
    ['name', 'permit'],
    ['address', 'permit'],
    ['contract', 'permit'],
    ['billing', 'deny'],
    ['phone', 'deny'],
  ] as const) {
    it(`${decision}s ${category} to a family caller`, () => {
      const r = decided(
        buildRequest({
          purpose: 'PURPOSE.REG.4',
          item: { category },
          recipient: { kind: 'family' },
        }),
      );
      expect(r.decision).toBe(decision);
      expect(r.clauses).toContain('PROVIDE.FAMILY');
    });
  }
});

describe('rule 8 — PURPOSE.AFTER_TERMINATION', () => {
  it('permits use within the purposes after the contract ended, citing the clause', () => {
    const r = decided(
      buildRequest({ item: { service: { id: 'svc-9', endedAt: '2025-06-30T00:00:00+09:00' } } }),
    );
    expect(r).toMatchObject({
      decision: 'permit',
      clauses: ['PURPOSE.REG.1b', 'PURPOSE.AFTER_TERMINATION'],
    });
  });
  it('does not cite it while the contract runs', () => {
    const r = decided(
      buildRequest({ item: { service: { id: 'svc-9', endedAt: '2027-06-30T00:00:00+09:00' } } }),
    );
    expect(r.clauses).toEqual(['PURPOSE.REG.1b']);
  });
});

describe('malformed requests', () => {
  it('names the path of a missing field', () => {
    const { item: _item, ...noItem } = buildRequest();
    expect(decide(policy, noItem)).toEqual({
      error: { code: 'request.missing_field', message: 'item is required', path: 'item' },
    });
  });
  it('refuses a date-time without an offset', () => {
    const outcome = decide(policy, buildRequest({ item: { acquiredAt: '2022-07-01T00:00:00' } }));
    expect(outcome).toMatchObject({
      error: { code: 'request.invalid_field', path: 'item.acquiredAt' },
    });
  });
  it('refuses an impossible date', () => {
    const outcome = decide(policy, buildRequest({ at: '2026-13-45T00:00:00+09:00' }));
    expect(outcome).toMatchObject({ error: { path: 'at' } });
  });
  it('refuses an unknown category and lists the known ones', () => {
    const outcome = decide(policy, buildRequest({ item: { category: 'dna' } }));
    expect(outcome).toMatchObject({ error: { path: 'item.category' } });
    expect(JSON.stringify(outcome)).toContain('myNumber');
  });
  it('names the index inside an array', () => {
    const outcome = decide(
      policy,
      buildRequest({ customer: { consents: [{ purpose: 'PURPOSE.REG.5', at: 'yesterday' }] } }),
    );
    expect(outcome).toMatchObject({ error: { path: 'customer.consents[0].at' } });
  });
  it('refuses a malformed consent date even when the purpose is unknown', () => {
    const outcome = decide(
      policy,
      buildRequest({
        purpose: 'PURPOSE.REG.99',
        customer: { consents: [{ purpose: 'PURPOSE.REG.5', at: '2024-02-30T00:00:00Z' }] },
      }),
    );
    expect(outcome).toMatchObject({ error: { path: 'customer.consents[0].at' } });
  });
  it('answers the others in a batch', () => {
    const outcomes = decideBatch(policy, [
      buildRequest(),
      42,
      buildRequest({ purpose: 'PURPOSE.REG.99' }),
    ]);
    expect(outcomes.map((o) => ('error' in o ? 'error' : o.decision))).toEqual([
      'permit',
      'error',
      'deny',
    ]);
  });
});

describe('defaults', () => {
  it('uses the clock when `at` is absent', () => {
    const { at: _at, ...request } = buildRequest();
    const outcome = decide(policy, request, { now: Date.parse('2023-05-01T00:00:00+09:00') });
    expect(outcome).toMatchObject({ decision: 'permit', policyVersion: '2023-04-01' });
  });
});
