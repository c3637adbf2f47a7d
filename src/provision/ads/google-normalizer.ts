import type { AdField } from './ad-field.ts';
import { refused, normalized, type Normalized } from './ad-value.ts';
import type { AdsOptions } from './ads-options.ts';
import { adsEmail } from './ads-email.ts';
import { DEFAULT_PHONE_REGION, parseAdsPhone } from './ads-phone.ts';
import { countryAlpha2 } from './country-alpha2.ts';
import { personName } from './person-name.ts';

/**
 * Google Customer Match: e-mail (gmail-canonical), phone E.164 with '+', names hashed;
 * country (alpha-2) and zip in clear. Only the fields of the contact CSV are accepted.
 */
export function normalizeForGoogle(field: AdField, input: string, options: AdsOptions): Normalized {
  switch (field) {
    case 'email':
      return adsEmail(input, { gmailCanonical: true });
    case 'phone': {
      const phone = parseAdsPhone(input, options.defaultRegion ?? DEFAULT_PHONE_REGION, false);
      return phone === undefined ? refused('invalid_phone') : normalized(phone.number, true);
    }
    case 'firstName':
    case 'lastName':
      return personName(input);
    case 'country': {
      const code = countryAlpha2(input);
      return code === undefined ? refused('invalid_country') : normalized(code, false);
    }
    case 'zip': {
      const zip = input.trim();
      return zip === '' ? refused('empty') : normalized(zip, false);
    }
    default:
      // Mobile device IDs are a separate Customer Match upload, not a column of this CSV.
      return refused('field_not_accepted');
  }
}
