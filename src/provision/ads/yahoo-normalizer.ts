import type { AdField } from './ad-field.ts';
import { refused, normalized, type Normalized } from './ad-value.ts';
import type { AdsOptions } from './ads-options.ts';
import { adsEmail } from './ads-email.ts';
import { DEFAULT_PHONE_REGION, parseAdsPhone } from './ads-phone.ts';
import { advertisingId } from './advertising-id.ts';

/**
 * Yahoo! JAPAN audience lists: e-mail trimmed and lower-cased, phone as configured (domestic
 * half-width digits by default, or E.164), both SHA-256 unsalted; advertising IDs in clear,
 * as their own list.
 */
export function normalizeForYahoo(field: AdField, input: string, options: AdsOptions): Normalized {
  switch (field) {
    case 'email':
      return adsEmail(input, { gmailCanonical: false });
    case 'phone':
      return yahooPhone(input, options);
    case 'advertisingId':
      return advertisingId(input);
    default:
      return refused('field_not_accepted');
  }
}

function yahooPhone(input: string, options: AdsOptions): Normalized {
  const region = options.defaultRegion ?? DEFAULT_PHONE_REGION;
  const phone = parseAdsPhone(input, region, false);
  if (phone === undefined) return refused('invalid_phone');
  if ((options.yahooPhoneFormat ?? 'national') === 'e164') return normalized(phone.number, true);
  // The domestic form only means something for a number of the region itself.
  if (phone.country !== region) return refused('phone_not_domestic');
  return normalized(phone.nationalDigits(), true);
}
