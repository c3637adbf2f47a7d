import { describe, expect, it } from 'vitest';
import { countTopLevel } from './count-top-level.ts';
import { jsonStringEnd } from './json-string-end.ts';
import { topLevelSlices } from './top-level-slices.ts';

describe('the end of a JSON string, found without a scan of every character', () => {
  it('skips escaped quotes, not a quote after an escaped backslash', () => {
    const text = String.raw`"a\"b\\"`;
    expect(jsonStringEnd(text, 1)).toBe(text.length - 1);
    expect(jsonStringEnd(String.raw`"x\\\"y"`, 1)).toBe(7);
    expect(jsonStringEnd('"never closed', 1)).toBe(13);
  });

  it('leaves brackets, commas and escaped quotes inside strings out of the count and the cuts', () => {
    const elements = [
      { p: 'a,b],[c' },
      { p: 'quote " inside, [' },
      { p: 'back\\slash\\' },
      { p: '}{' },
      'plain',
    ];
    const text = JSON.stringify(elements);
    expect(countTopLevel(text, 10_000)).toBe(5);
    const slices = topLevelSlices(text, 2)!;
    expect(slices).toHaveLength(3);
    expect(slices.flatMap((s) => JSON.parse(s) as unknown[])).toEqual(elements);
    expect(countTopLevel('["unclosed, [', 10)).toBe(1);
    expect(topLevelSlices('["unclosed, [', 10)).toBeNull();
  });
});
