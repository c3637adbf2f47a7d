import fc from 'fast-check';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { describe, expect, it } from 'vitest';
import { commonJapaneseNumber, normalizePhone } from './normalize-phone.ts';

/** What libphonenumber-js alone answers: the E.164 number, or null when normalizePhone refuses. */
function reference(raw: string): string | null {
  const text = raw
    .normalize('NFKC')
    .replace(/[\u2010-\u2015\u2212\u30fc\uff70]/g, '-')
    .trim();
  const parsed = parsePhoneNumberFromString(text, { defaultCountry: 'JP', extract: false });
  if (parsed === undefined || !parsed.isValid() || parsed.ext !== undefined) return null;
  return parsed.number;
}

function actual(raw: string): string | null {
  try {
    return normalizePhone(raw);
  } catch {
    return null;
  }
}

const FULL_WIDTH_DIGIT = (d: string) => String.fromCharCode(0xff10 + Number(d));

// Japanese numbers as people write them: common prefixes (mobile, Tokyo, Osaka, toll-free…)
// or any digits, 9–11 digits in all, split in up to three groups by a hyphen, a space or
// nothing, in ASCII or full width (digits, and '－', 'ー' or '−' between groups).
const japaneseNumber = fc
  .tuple(
    fc.oneof(
      fc.constantFrom(
        '090',
        '080',
        '070',
        '060',
        '050',
        '020',
        '03',
        '06',
        '052',
        '011',
        '0120',
        '0800',
        '0570',
        '0990',
        '0',
      ),
      fc.stringMatching(/^0\d{0,4}$/),
    ),
    fc.stringMatching(/^\d{6,10}$/),
    fc.integer({ min: 0, max: 4 }),
    fc.constantFrom('-', '', ' ', '--'),
    fc.boolean(),
    fc.constantFrom('－', 'ー', '−', '‐'),
  )
  .map(([prefix, rest, cut, sep, wide, wideDash]) => {
    const digits = (prefix + rest).slice(0, 12);
    const a = prefix.length;
    const b = Math.min(digits.length, a + cut);
    const groups = [digits.slice(0, a), digits.slice(a, b), digits.slice(b)].filter((g) => g);
    const text = groups.join(sep);
    return wide
      ? [...text]
          .map((c) => (/\d/.test(c) ? FULL_WIDTH_DIGIT(c) : c === '-' ? wideDash : c))
          .join('')
      : text;
  });

describe('normalizePhone fast path', () => {
  it('gives exactly libphonenumber-js’s answer for generated Japanese numbers', () => {
    fc.assert(
      fc.property(japaneseNumber, (raw) => {
        expect(actual(raw)).toBe(reference(raw));
      }),
      { numRuns: 20_000 },
    );
  });

  it('answers only what libphonenumber-js calls valid, with its E.164 number', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^0[1-9]\d{0,4}-?\d{1,4}-?\d{4}$/), (text) => {
        const fast = commonJapaneseNumber(text);
        if (fast !== undefined) expect(fast).toBe(reference(text));
      }),
      { numRuns: 20_000 },
    );
  });

  it('takes the fast path for the common shapes', () => {
    expect(commonJapaneseNumber('090-1234-5678')).toBe('+819012345678');
    expect(commonJapaneseNumber('03-1234-5678')).toBe('+81312345678');
    expect(commonJapaneseNumber('09012345678')).toBe('+819012345678');
    expect(normalizePhone('０９０－１２３４－５６７８')).toBe('+819012345678');
  });
});
