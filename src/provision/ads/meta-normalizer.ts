import { birthYear } from './birth-year.ts';
import { placeName } from './place-name.ts';
import type { AdField } from './ad-field.ts';
import { refused, normalized, type Normalized } from './ad-value.ts';
import type { AdsOptions } from './ads-options.ts';
import { adsEmail } from './ads-email.ts';
import { DEFAULT_PHONE_REGION, parseAdsPhone } from './ads-phone.ts';
import { advertisingId } from './advertising-id.ts';
import { countryAlpha2 } from './country-alpha2.ts';
import { dateOfBirth } from './date-of-birth.ts';
import { genderLetter } from './gender-letter.ts';
import { personName } from './person-name.ts';

const SPACE = /\s/u;
const SPACES = /\s+/gu;

/**
 * Meta Custom Audiences: everything hashed except MADID — e-mail lower-cased, phone digits with
 * the country code and no '+', names lower-cased with UTF-8 kept, zip without spaces, country
 * alpha-2 lower-cased, city and prefecture lower-cased letters only (UTF-8 kept), DOB YYYYMMDD,
 * year of birth YYYY, gender m/f; advertising IDs lower-cased in clear.
 */
export function normalizeForMeta(field: AdField, input: string, options: AdsOptions): Normalized {
  switch (field) {
    case 'email':
      return adsEmail(input, { gmailCanonical: false });
    case 'phone': {
      const phone = parseAdsPhone(input, options.defaultRegion ?? DEFAULT_PHONE_REGION, true);
      return phone === undefined
        ? refused('invalid_phone')
        : normalized(phone.number.slice(1), true);
    }
    case 'firstName':
    case 'lastName':
      return personName(input);
    case 'zip': {
      const zip = (SPACE.test(input) ? input.replace(SPACES, '') : input).toLowerCase();
      return zip === '' ? refused('empty') : normalized(zip, true);
    }
    case 'country': {
      const code = countryAlpha2(input);
      return code === undefined ? refused('invalid_country') : normalized(code.toLowerCase(), true);
    }
    case 'city':
    case 'state':
      return placeName(input);
    case 'dateOfBirth':
      return dateOfBirth(input);
    case 'birthYear':
      return birthYear(input);
    case 'gender':
      return genderLetter(input);
    case 'advertisingId':
      return advertisingId(input);
  }
}
