import fc from 'fast-check';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { describe, expect, it } from 'vitest';
import { parseAdsPhone } from './ads-phone.ts';
import { domesticPhone } from './domestic-phone.ts';

/** What libphonenumber's parser says of a text: E.164 and domestic digits, or undefined. */
function parser(text: string) {
  const p = parsePhoneNumberFromString(text, { defaultCountry: 'JP', extract: false });
  return p !== undefined && p.isValid() && p.ext === undefined
    ? { number: p.number, nationalDigits: p.formatNational().replace(/\D/g, '') }
    : undefined;
}

const digits = (min: number, max: number) =>
  fc
    .array(fc.integer({ min: 0, max: 9 }), { minLength: min, maxLength: max })
    .map((d) => d.join(''));

describe('domesticPhone', () => {
  it('answers as libphonenumber does for every domestic number it accepts (fast-check)', () => {
    const domestic = fc
      .tuple(fc.integer({ min: 1, max: 9 }), digits(8, 10), fc.array(fc.nat(12), { maxLength: 3 }))
      .map(([lead, rest, cuts]) => {
        let text = `0${lead}${rest}`;
        for (const at of [...new Set(cuts)].sort((a, b) => b - a)) {
          if (at > 0 && at < text.length) text = `${text.slice(0, at)}-${text.slice(at)}`;
        }
        return text;
      });
    let accepted = 0;
    fc.assert(
      fc.property(domestic, (text) => {
        const fast = domesticPhone(text, 'JP');
        if (fast === undefined) return;
        accepted++;
        expect(fast).toEqual(parser(text));
      }),
      { numRuns: 20_000 },
    );
    expect(accepted).toBeGreaterThan(1_000);
  });

  it('answers as libphonenumber does for E.164 numbers of the region (fast-check)', () => {
    let accepted = 0;
    fc.assert(
      fc.property(
        fc
          .tuple(fc.integer({ min: 1, max: 9 }), digits(7, 10))
          .map(([d, rest]) => `+81${d}${rest}`),
        (text) => {
          const fast = domesticPhone(text, 'JP');
          if (fast === undefined) return;
          accepted++;
          expect(fast).toEqual(parser(text));
        },
      ),
      { numRuns: 20_000 },
    );
    expect(accepted).toBeGreaterThan(1_000);
    expect(domesticPhone('+819012345678', 'JP')).toEqual({
      number: '+819012345678',
      nationalDigits: '09012345678',
    });
    expect(domesticPhone('+18005550100', 'JP')).toBeUndefined();
  });

  it('leaves other forms and regions to the parser, with the same result through parseAdsPhone', () => {
    expect(domesticPhone('+81 90-1234-5678', 'JP')).toBeUndefined();
    expect(domesticPhone('０９０-１２３４-５６７８', 'JP')).toBeUndefined();
    expect(domesticPhone('090-1234-5678', 'US')).toBeUndefined();
    for (const text of [
      '090-1234-5678',
      '03-1234-5678',
      '０９０ー１２３４ー５６７８',
      '+81 3 1234 5678',
    ]) {
      const phone = parseAdsPhone(text, 'JP', false)!;
      const slow = parser(text.normalize('NFKC').replace(/ー/g, '-'))!;
      expect({ number: phone.number, nationalDigits: phone.nationalDigits() }).toEqual(slow);
    }
  });
});
