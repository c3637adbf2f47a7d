import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HogoError } from '../../errors/index.ts';
import { normalizeDate } from './normalize-date.ts';
import { normalizeEmail } from './normalize-email.ts';
import { normalizeInstant } from './normalize-instant.ts';
import { normalizeItemValue } from './normalize-item-value.ts';
import { normalizeName } from './normalize-name.ts';
import { normalizePhone } from './normalize-phone.ts';

const invalid = (field: string) =>
  expect.objectContaining({
    code: 'registry.invalid_field',
    details: expect.objectContaining({ field }),
  });

describe('normalizePhone', () => {
  it('reads full-width digits and hyphens as a Japanese number in E.164', () => {
    expect(normalizePhone('０９０－１２３４－５６７８')).toBe('+819012345678');
    expect(normalizePhone('090-1234-5678')).toBe('+819012345678');
    expect(normalizePhone('０３ー１２３４ー５６７８')).toBe('+81312345678');
    expect(normalizePhone('+1 650 253 0000')).toBe('+16502530000');
  });

  it('refuses what is not a phone number, naming the field and not the value', () => {
    expect(() => normalizePhone('12', 'items[0].value')).toThrow(invalid('items[0].value'));
    expect(() => normalizePhone('tel: 090-1234-5678')).toThrow(invalid('phone'));
    expect(() => normalizePhone('090-1234-5678 ext. 12')).toThrow(invalid('phone'));
    try {
      normalizePhone('999999999999');
    } catch (e) {
      expect((e as Error).message).not.toContain('999999999999');
    }
  });
});

describe('normalizeEmail', () => {
  it('trims, folds full-width forms and lower-cases', () => {
    expect(normalizeEmail('  Taro.Yamada@Example.JP ')).toBe('taro.yamada@example.jp');
    expect(normalizeEmail('ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ')).toBe('taro@example.jp');
    expect(normalizeEmail("o'brien+tag@mail.example.co.jp")).toBe("o'brien+tag@mail.example.co.jp");
  });

  it.each([
    'taro',
    '@example.jp',
    'taro@',
    'taro@example',
    'ta ro@example.jp',
    'a..b@example.jp',
    '.a@example.jp',
    'a@-x.jp',
    'a@b@example.jp',
  ])('refuses %j', (raw) => {
    expect(() => normalizeEmail(raw)).toThrow(invalid('email'));
  });
});

describe('normalizeName', () => {
  it('folds with NFKC, collapses white space and trims', () => {
    expect(normalizeName('　山田　　太郎 ')).toBe('山田 太郎');
    expect(normalizeName('ﾔﾏﾀﾞ ﾀﾛｳ')).toBe('ヤマダ タロウ');
    expect(normalizeName('Ｔａｒｏ')).toBe('Taro');
  });

  it('refuses empty names and control characters', () => {
    expect(() => normalizeName('  ')).toThrow(invalid('name'));
    expect(() => normalizeName('a\u0000b')).toThrow(invalid('name'));
    expect(() => normalizeName(42)).toThrow(invalid('name'));
  });

  it('refuses bidi overrides and zero-width characters, which make a value read otherwise', () => {
    for (const c of ['\u202e', '\u202d', '\u2066', '\u2069', '\u200b', '\u200f', '\u061c'])
      expect(() => normalizeName(`山田${c}太郎`), JSON.stringify(c)).toThrow(invalid('name'));
    expect(() => normalizeItemValue('address', '東京都千代田区1-1\u202eRTLNUL', 'value')).toThrow(
      invalid('value'),
    );
    // The BOM is white space to the normalizer: it becomes a plain space.
    expect(normalizeName('山田\ufeff太郎')).toBe('山田 太郎');
  });
});

describe('normalizeInstant and normalizeDate', () => {
  it('reads an instant with its offset, and refuses one without', () => {
    expect(normalizeInstant('2022-07-01T00:00:00+09:00', 'at')).toBe(
      Date.parse('2022-06-30T15:00:00Z'),
    );
    expect(() => normalizeInstant('2022-07-01T00:00:00', 'at')).toThrow(invalid('at'));
    expect(() => normalizeInstant('2022-02-30T00:00:00Z', 'at')).toThrow(invalid('at'));
  });

  it('reads a calendar date, full-width or with slashes', () => {
    expect(normalizeDate('１９８０/０２/２９', 'birthDate')).toBe('1980-02-29');
    expect(() => normalizeDate('1981-02-29', 'birthDate')).toThrow(invalid('birthDate'));
  });
});

/** A normalizer's property: it returns a fixed point, or throws a HogoError and nothing else. */
function holdsFor(normalize: (raw: unknown) => string | number, arbitrary: fc.Arbitrary<unknown>) {
  fc.assert(
    fc.property(arbitrary, (raw) => {
      let once: string | number;
      try {
        once = normalize(raw);
      } catch (e) {
        expect(e).toBeInstanceOf(HogoError);
        expect((e as HogoError).code).toBe('registry.invalid_field');
        return;
      }
      const again =
        typeof once === 'number' ? normalize(new Date(once).toISOString()) : normalize(once);
      expect(again).toBe(once);
    }),
    { numRuns: 2000 },
  );
}

const phoneLike = fc
  .array(fc.constantFrom(...'0123456789０１２３４５６７８９-－ー +()'.split('')), { maxLength: 20 })
  .map((cs) => cs.join(''));
const emailLike = fc.oneof(
  fc.emailAddress(),
  fc.emailAddress().map((e) => ` ${e.toUpperCase()} `),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
);
const anything = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.anything(),
);

describe('normalizer properties', () => {
  it('normalizePhone is idempotent and throws only HogoError', () => {
    holdsFor((r) => normalizePhone(r), fc.oneof(phoneLike, anything));
  });

  it('normalizeEmail is idempotent and throws only HogoError', () => {
    holdsFor((r) => normalizeEmail(r), fc.oneof(emailLike, anything));
  });

  it('normalizeName is idempotent and throws only HogoError', () => {
    holdsFor((r) => normalizeName(r), anything);
  });

  it('normalizeInstant is stable through its ISO form and throws only HogoError', () => {
    const instants = fc
      .date({ min: new Date('1900-01-01'), max: new Date('2999-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString());
    holdsFor((r) => normalizeInstant(r, 'at'), fc.oneof(instants, anything));
  });
});
