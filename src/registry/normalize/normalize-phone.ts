import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
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
  const parsed = parsePhoneNumberFromString(text, { defaultCountry: 'JP', extract: false });
  if (parsed === undefined || !parsed.isValid()) {
    throw invalidField(field, 'must be a valid phone number (E.164, or national in Japan)');
  }
  if (parsed.ext !== undefined) throw invalidField(field, 'must not carry an extension');
  return parsed.number;
}
