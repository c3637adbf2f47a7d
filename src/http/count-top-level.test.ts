import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countTopLevel } from './count-top-level.ts';

describe('countTopLevel', () => {
  it('counts the elements of any JSON array as JSON.parse would', () => {
    fc.assert(
      fc.property(fc.array(fc.jsonValue(), { maxLength: 30 }), (list) => {
        const text = JSON.stringify(list, null, list.length % 2 === 0 ? 2 : undefined);
        expect(countTopLevel(text, 1_000)).toBe(list.length);
      }),
    );
  });

  it('stops past the cap without reading the rest', () => {
    const text = `[${'{},'.repeat(5_000_000)}{}]`;
    expect(countTopLevel(text, 10_000)).toBe(10_001);
  });

  it('counts a single object as one', () => {
    expect(countTopLevel(' {"a":[1,2,3]}', 10)).toBe(1);
    expect(countTopLevel('[ ]', 10)).toBe(0);
  });
});
