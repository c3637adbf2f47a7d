import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import metadata from 'libphonenumber-js/metadata.max.json';
import { invalidField } from './invalid-field.ts';
import { textInput } from './text-input.ts';

// Dashes Japanese forms use between digit groups, beyond what NFKC maps to '-'.
const DASHES = /[\u2010-\u2015\u2212\u30fc\uff70]/g;

/**
 * A phone number in E.164 (`+819012345678`), read in Japan by default: full-width digits,
 * hyphens and spaces are accepted (`０９０－１２３４－５６７８`). Throws
 * 'registry.invalid_field' for anything that is not a valid number, or carries an extension.
 */
export function normalizePhone(raw: unknown, field = 'phone'): string {
  const text = textInput(field, raw, 64).normalize('NFKC').replace(DASHES, '-').trim();
  const fast = commonJapaneseNumber(text);
  if (fast !== undefined) return fast;
  const parsed = parsePhoneNumberFromString(text, { defaultCountry: 'JP', extract: false });
  if (parsed === undefined || !parsed.isValid()) {
    throw invalidField(field, 'must be a valid phone number (E.164, or national in Japan)');
  }
  if (parsed.ext !== undefined) throw invalidField(field, 'must not carry an extension');
  return parsed.number;
}

/*
 * Fast path (bulk import normalizes a number per customer, and libphonenumber-js's general
 * parser costs tens of microseconds): a Japanese national number written the common way — a
 * trunk '0', then 9 or 10 digits in up to three hyphen-separated groups — that libphonenumber's
 * own JP metadata says is a valid fixed-line or mobile number. For those, libphonenumber strips
 * the trunk prefix '0' (JP's national prefix for parsing, when the number does not start '00')
 * and answers +81 and the rest; the differential test (normalize-phone.test.ts) checks this
 * over generated numbers, ASCII and full-width. Anything else, valid or not, goes to
 * libphonenumber itself, so its answers and its errors are unchanged.
 */
const COMMON = /^0([1-9]\d{0,4})-?(\d{1,4})-?(\d{4})$/;

interface TypePattern {
  readonly pattern: RegExp;
  readonly lengths: readonly number[] | undefined;
}

// libphonenumber-js's compressed metadata for JP: [2] the national number pattern, [11] the
// number types in order (fixed line first, mobile second), each [pattern, possible lengths?].
const JP = (metadata as unknown as { countries: Record<string, unknown[]> }).countries['JP']!;
const NATIONAL = new RegExp(`^(?:${JP[2] as string})$`);
const TYPES: readonly TypePattern[] = ((JP[11] as unknown[]).slice(0, 2) as [string, number[]?][])
  .filter((t) => Array.isArray(t))
  .map(([pattern, lengths]) => ({ pattern: new RegExp(`^(?:${pattern})$`), lengths }));

/** The E.164 form of a common JP national number libphonenumber deems valid, else undefined. */
export function commonJapaneseNumber(text: string): string | undefined {
  const m = COMMON.exec(text);
  if (m === null) return undefined;
  const national = m[1]! + m[2]! + m[3]!;
  if (national.length < 9 || national.length > 10 || !NATIONAL.test(national)) return undefined;
  for (const t of TYPES) {
    if (t.lengths !== undefined && !t.lengths.includes(national.length)) continue;
    if (t.pattern.test(national)) return `+81${national}`;
  }
  return undefined;
}
