import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './audit-hash.ts';

// The definition: JSON.stringify with every object's keys sorted, as entries were always hashed.
const byDefinition = (value: unknown) =>
  JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );

describe('canonicalJson', () => {
  it('writes exactly what the definition writes, for any value (fast-check)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.anything()), (value) => {
        expect(canonicalJson(value)).toBe(byDefinition(value));
      }),
      { numRuns: 5000 },
    );
  });

  it('sorts keys at every depth and keeps what JSON keeps of odd values', () => {
    const detail = {
      z: [1, 'é', null, { b: 2, a: [true, -0, Number.NaN] }],
      a: { '10': 'x', '2': 'y', k: undefined, d: new Date(0) },
      '': '\u2028"',
    };
    expect(canonicalJson(detail)).toBe(byDefinition(detail));
    expect(canonicalJson(detail)).toBe(
      '{"":"\u2028\\"","a":{"2":"y","10":"x","d":"1970-01-01T00:00:00.000Z"},' +
        '"z":[1,"é",null,{"a":[true,0,null],"b":2}]}',
    );
  });
});
