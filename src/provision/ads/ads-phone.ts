import {
  parsePhoneNumberFromString,
  type CountryCode,
  type PhoneNumber,
} from 'libphonenumber-js/max';

const MAX_PHONE = 64;
// Dashes Japanese forms use between digit groups, beyond what NFKC maps to '-'.
const DASHES = /[\u2010-\u2015\u2212\u30fc\uff70]/g;

/** The default region of a phone number written without a country code. */
export const DEFAULT_PHONE_REGION: CountryCode = 'JP';

/**
 * A valid phone number parsed in `region` (full-width digits and dashes accepted); when
 * `digitsAreInternational`, a digits-only string that is not valid there is read as already
 * carrying its country code (Meta's own normal form, so normalizing twice changes nothing).
 * Undefined when it is not a valid number or carries an extension.
 */
export function parseAdsPhone(
  input: string,
  region: CountryCode,
  digitsAreInternational: boolean,
): PhoneNumber | undefined {
  const text = input.normalize('NFKC').replace(DASHES, '-').trim();
  if (text === '' || text.length > MAX_PHONE) return undefined;
  const parsed = parse(text, region);
  if (parsed !== undefined) return parsed;
  return digitsAreInternational && /^\d+$/.test(text) ? parse(`+${text}`, region) : undefined;
}

function parse(text: string, region: CountryCode): PhoneNumber | undefined {
  try {
    const parsed = parsePhoneNumberFromString(text, { defaultCountry: region, extract: false });
    return parsed !== undefined && parsed.isValid() && parsed.ext === undefined
      ? parsed
      : undefined;
  } catch {
    return undefined;
  }
}
