import {
  parsePhoneNumberFromString,
  type CountryCode,
  type PhoneNumber,
} from 'libphonenumber-js/max';
import { domesticPhone } from './domestic-phone.ts';

const MAX_PHONE = 64;
// Dashes Japanese forms use between digit groups, beyond what NFKC maps to '-'.
const DASHES = /[\u2010-\u2015\u2212\u30fc\uff70]/g;

/** The default region of a phone number written without a country code. */
export const DEFAULT_PHONE_REGION: CountryCode = 'JP';

/** A valid phone number as the platforms want it. */
export interface AdsPhone {
  /** E.164 with '+'. */
  readonly number: string;
  /** The region of the number, when libphonenumber tells it. */
  readonly country: CountryCode | undefined;
  /** The domestic form as digits only ('09012345678'). */
  nationalDigits(): string;
}

/**
 * A valid phone number parsed in `region` (full-width digits and dashes accepted); when
 * `digitsAreInternational`, a digits-only string that is not valid there is read as already
 * carrying its country code (Meta's own normal form, so normalizing twice changes nothing).
 * Undefined when it is not a valid number or carries an extension. The common domestic form
 * ('090-1234-5678') is checked against libphonenumber's metadata directly, with the same answer.
 */
export function parseAdsPhone(
  input: string,
  region: CountryCode,
  digitsAreInternational: boolean,
): AdsPhone | undefined {
  const domestic = domesticPhone(input.trim(), region);
  if (domestic !== undefined)
    return new DomesticPhone(domestic.number, region, domestic.nationalDigits);
  const text = input.normalize('NFKC').replace(DASHES, '-').trim();
  if (text === '' || text.length > MAX_PHONE) return undefined;
  const parsed =
    parse(text, region) ??
    (digitsAreInternational && /^\d+$/.test(text) ? parse(`+${text}`, region) : undefined);
  return parsed === undefined
    ? undefined
    : {
        number: parsed.number,
        country: parsed.country,
        nationalDigits: () => parsed.formatNational().replace(/\D/g, ''),
      };
}

/** A number read by the fast path: both forms already known. */
class DomesticPhone implements AdsPhone {
  constructor(
    readonly number: string,
    readonly country: CountryCode,
    private readonly digits: string,
  ) {}

  nationalDigits(): string {
    return this.digits;
  }
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
