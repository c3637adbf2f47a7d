import fc from 'fast-check';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { describe, expect, it } from 'vitest';
import { parseIsoInstant } from './parse-iso-instant.ts';
import { readDecisionRequest } from './read-decision-request.ts';
import { bundledPolicy, buildRequest } from './test-support.ts';

const policy = bundledPolicy();
const schemaCheck = TypeCompiler.Compile(policy.requestSchema);

/** Every instant in a request that the schema accepted really names a moment. */
function instantsValid(r: Record<string, unknown>): boolean {
  const all: unknown[] = [r.at];
  const customer = r.customer as {
    suspensions?: { from: unknown }[];
    consents?: { at: unknown }[];
  };
  for (const s of customer.suspensions ?? []) all.push(s.from);
  for (const c of customer.consents ?? []) all.push(c.at);
  const item = r.item as { acquiredAt: unknown; service?: { endedAt?: unknown } };
  all.push(item.acquiredAt, item.service?.endedAt);
  return all.every((v) => v === undefined || !Number.isNaN(parseIsoInstant(v as string)));
}

const anything = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.integer(),
  fc.string(),
  fc.boolean(),
);
/** Mostly a valid value, now and then anything: so that both answers occur often. */
const or = <T>(valid: fc.Arbitrary<T>): fc.Arbitrary<unknown> =>
  fc.oneof({ arbitrary: valid, weight: 15 }, { arbitrary: anything, weight: 1 });
const instant = fc.oneof(
  {
    arbitrary: fc
      .date({ min: new Date('2000-01-01'), max: new Date('2030-01-01'), noInvalidDate: true })
      .map((d) => d.toISOString()),
    weight: 10,
  },
  {
    arbitrary: fc.constantFrom(
      '2022-02-30T00:00:00Z',
      '2022-07-01T00:00:00',
      'yesterday',
      '2022-07-01T00:00+09:00',
    ),
    weight: 1,
  },
);
const optional = { requiredKeys: [] as never[] };
const request = fc.record({
  at: fc.option(or(instant), { nil: undefined }),
  purpose: or(fc.constantFrom('PURPOSE.REG.1b', 'PURPOSE.OTH.6', '')),
  customer: or(
    fc.record({
      group: or(fc.constantFrom('REG', 'OTH', 'XYZ')),
      adOptOut: fc.option(or(fc.boolean()), { nil: undefined }),
      suspensions: fc.option(
        or(
          fc.array(
            or(
              fc.record({
                kind: or(fc.constantFrom('use', 'provision', 'pause')),
                from: or(instant),
                purposes: fc.option(
                  or(fc.array(or(fc.constantFrom('PURPOSE.REG.5', '')), { maxLength: 2 })),
                  { nil: undefined },
                ),
              }),
            ),
            { maxLength: 2 },
          ),
        ),
        { nil: undefined },
      ),
      consents: fc.option(
        or(
          fc.array(
            or(fc.record({ purpose: or(fc.constantFrom('PURPOSE.REG.5', '')), at: or(instant) })),
            { maxLength: 2 },
          ),
        ),
        { nil: undefined },
      ),
    }),
  ),
  item: or(
    fc.record({
      category: or(fc.constantFrom('email', 'myNumber', 'dna')),
      acquiredAt: or(instant),
      service: fc.option(
        or(
          fc.record(
            {
              id: or(fc.constantFrom('svc-1', '')),
              transferredFromDocomo: or(fc.boolean()),
              endedAt: or(instant),
            },
            optional,
          ),
        ),
        { nil: undefined },
      ),
      survey: fc.option(or(fc.constantFrom('srv-1', '')), { nil: undefined }),
    }),
  ),
  recipient: fc.option(
    or(
      fc.record(
        {
          kind: or(fc.constantFrom('family', 'adPlatform', 'friend')),
          id: or(fc.constantFrom('meta', '')),
        },
        optional,
      ),
    ),
    { nil: undefined },
  ),
});

describe('readDecisionRequest', () => {
  it('accepts exactly what the published schema accepts (with instants that exist)', () => {
    let accepted = 0;
    fc.assert(
      fc.property(request, (r) => {
        const read = readDecisionRequest(r, policy.vocabulary);
        const bySchema = schemaCheck.Check(r) && instantsValid(r as Record<string, unknown>);
        expect('error' in read ? 'refused' : 'accepted').toBe(bySchema ? 'accepted' : 'refused');
        if (!('error' in read)) accepted++;
      }),
      { numRuns: 20_000 },
    );
    // Both answers must occur often, or the comparison proves little.
    expect(accepted).toBeGreaterThan(50);
  });

  it('reads instants as epoch milliseconds and absent values as null', () => {
    const read = readDecisionRequest(
      buildRequest({ at: '2022-06-30T15:00:00Z' }),
      policy.vocabulary,
    );
    expect(read).toMatchObject({
      at: Date.parse('2022-06-30T15:00:00Z'),
      serviceId: null,
      survey: null,
      recipientKind: null,
      suspensions: [],
    });
  });
});
