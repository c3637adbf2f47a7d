import type { AdField } from './ad-field.ts';
import type { AdPlatformId } from './ad-platform-id.ts';
import type { AdValueReason } from './ad-value.ts';
import type { AdsOptions } from './ads-options.ts';
import { addressPlace } from './address-place.ts';
import type { AudienceRow } from './audience-row.ts';
import { normalizeAdValue } from './normalize-ad-value.ts';
import { splitName } from './split-name.ts';

/** An item permitted for the export, with its decrypted value. */
export interface AudienceItem {
  readonly id: string;
  readonly category: string;
  readonly value: string;
}

/** A customer's rows, the items they came from, and why other values were left out. */
export interface AudienceRows {
  readonly rows: readonly AudienceRow[];
  readonly itemIds: readonly string[];
  readonly categories: readonly string[];
  readonly notNormalized: readonly (AdValueReason | 'name_not_split' | 'address_not_structured')[];
}

type Fields = Partial<Record<AdField, string[]>>;

/**
 * ADS.ITEMS: one customer's permitted items as upload rows for the platform — each value
 * normalized and hashed by the platform's rules; names split and zip codes read only where
 * unambiguous. Several e-mails or phones give several rows (the i-th of each together).
 */
export function audienceRows(
  platform: AdPlatformId,
  items: readonly AudienceItem[],
  options: AdsOptions = {},
): AudienceRows {
  const fields: Fields = {};
  const used = new Map<string, string>();
  const notNormalized: AudienceRows['notNormalized'][number][] = [];
  const put = (field: AdField, input: string, item: AudienceItem) => {
    const result = normalizeAdValue(platform, field, input, options);
    if (!result.ok) {
      if (result.reason !== 'field_not_accepted') notNormalized.push(result.reason);
      return;
    }
    (fields[field] ??= []).push(result.output);
    used.set(item.id, item.category);
  };
  for (const item of items) {
    switch (item.category) {
      case 'email':
        put('email', item.value, item);
        break;
      case 'phone':
        put('phone', item.value, item);
        break;
      case 'advertisingId':
        put('advertisingId', item.value, item);
        break;
      case 'birthDate':
        put('dateOfBirth', item.value, item);
        put('birthYear', item.value, item);
        break;
      case 'gender':
        put('gender', item.value, item);
        break;
      case 'name': {
        const name = splitName(item.value);
        if (name === undefined) notNormalized.push('name_not_split');
        else {
          put('lastName', name.lastName, item);
          put('firstName', name.firstName, item);
        }
        break;
      }
      case 'address': {
        const place = addressPlace(item.value);
        if (place === undefined) notNormalized.push('address_not_structured');
        else {
          put('zip', place.zip, item);
          put('country', place.country, item);
          if (place.prefecture !== undefined) put('state', place.prefecture, item);
          if (place.municipality !== undefined) put('city', place.municipality, item);
        }
        break;
      }
    }
  }
  return {
    rows: toRows(fields),
    itemIds: [...used.keys()],
    categories: [...new Set(used.values())].sort(),
    notNormalized,
  };
}

function toRows(fields: Fields): AudienceRow[] {
  const identifying = ['email', 'phone', 'advertisingId'] as const;
  const count = Math.max(0, ...identifying.map((f) => fields[f]?.length ?? 0));
  const rows: AudienceRow[] = [];
  for (let i = 0; i < count; i++) {
    const row: Record<string, string> = {};
    for (const [field, values] of Object.entries(fields)) {
      const many = (identifying as readonly string[]).includes(field);
      const value = many ? values[i] : values[0];
      if (value !== undefined) row[field] = value;
    }
    rows.push(row);
  }
  return rows;
}
