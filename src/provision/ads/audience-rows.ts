import type { AdField } from './ad-field.ts';
import type { AdPlatformId } from './ad-platform-id.ts';
import type { AdValueReason } from './ad-value.ts';
import type { AdsOptions } from './ads-options.ts';
import { addressPlace } from './address-place.ts';
import type { AudienceRow } from './audience-row.ts';
import { adOutput, normalizeForPlatform } from './normalize-ad-value.ts';
import { splitName } from './split-name.ts';

/** An item permitted for the export, with its decrypted value. */
export interface AudienceItem {
  readonly id: string;
  readonly category: string;
  readonly value: string;
}

/** Why a customer's value was left out of the upload. */
export type NotNormalizedReason = AdValueReason | 'name_not_split' | 'address_not_structured';

/** A customer's rows, the items they came from, and why other values were left out. */
export interface AudienceRows {
  readonly rows: readonly AudienceRow[];
  readonly itemIds: readonly string[];
  readonly categories: readonly string[];
  readonly notNormalized: readonly NotNormalizedReason[];
}

const NO_OPTIONS: AdsOptions = Object.freeze({});

/**
 * One customer's values as they are gathered: every e-mail, phone and advertising ID (each
 * gives a row), the first value of every other field (repeated on each row). One object of
 * one shape per customer: the export builds a million of them.
 */
class Gathered {
  readonly email: string[] = [];
  readonly phone: string[] = [];
  readonly advertisingId: string[] = [];
  firstName: string | undefined = undefined;
  lastName: string | undefined = undefined;
  country: string | undefined = undefined;
  zip: string | undefined = undefined;
  city: string | undefined = undefined;
  state: string | undefined = undefined;
  dateOfBirth: string | undefined = undefined;
  birthYear: string | undefined = undefined;
  gender: string | undefined = undefined;
  readonly itemIds: string[] = [];
  readonly categories: string[] = [];
  readonly notNormalized: NotNormalizedReason[] = [];

  constructor(
    private readonly platform: AdPlatformId,
    private readonly options: AdsOptions,
  ) {}

  put(field: AdField, input: string, item: AudienceItem): void {
    const result = normalizeForPlatform(this.platform, field, input, this.options);
    if (!result.ok) {
      if (result.reason !== 'field_not_accepted') this.notNormalized.push(result.reason);
      return;
    }
    switch (field) {
      case 'email':
      case 'phone':
      case 'advertisingId':
        this[field].push(adOutput(field, result));
        break;
      default:
        // Only the first value of the field is uploaded: a second one is not hashed (its item
        // still counts as used, as it was read and normalized).
        if (this[field] === undefined) this[field] = adOutput(field, result);
    }
    // An item's fields are put one after the other: it is new unless it was the last one used.
    const ids = this.itemIds;
    if (ids.length === 0 || ids[ids.length - 1] !== item.id) {
      ids.push(item.id);
      if (!this.categories.includes(item.category)) this.categories.push(item.category);
    }
  }

  rows(): AudienceRow[] {
    const count = Math.max(this.email.length, this.phone.length, this.advertisingId.length);
    const rows: AudienceRow[] = [];
    for (let i = 0; i < count; i++) {
      // Every row of one shape; a field the customer lacks is undefined (left empty).
      rows.push({
        email: this.email[i],
        phone: this.phone[i],
        firstName: this.firstName,
        lastName: this.lastName,
        country: this.country,
        zip: this.zip,
        city: this.city,
        state: this.state,
        dateOfBirth: this.dateOfBirth,
        birthYear: this.birthYear,
        gender: this.gender,
        advertisingId: this.advertisingId[i],
      } as AudienceRow);
    }
    return rows;
  }
}

/**
 * ADS.ITEMS: one customer's permitted items as upload rows for the platform — each value
 * normalized and hashed by the platform's rules; names split and zip codes read only where
 * unambiguous. Several e-mails or phones give several rows (the i-th of each together).
 */
export function audienceRows(
  platform: AdPlatformId,
  items: readonly AudienceItem[],
  options: AdsOptions = NO_OPTIONS,
): AudienceRows {
  const g = new Gathered(platform, options);
  for (const item of items) {
    switch (item.category) {
      case 'email':
        g.put('email', item.value, item);
        break;
      case 'phone':
        g.put('phone', item.value, item);
        break;
      case 'advertisingId':
        g.put('advertisingId', item.value, item);
        break;
      case 'birthDate':
        g.put('dateOfBirth', item.value, item);
        g.put('birthYear', item.value, item);
        break;
      case 'gender':
        g.put('gender', item.value, item);
        break;
      case 'name': {
        const name = splitName(item.value);
        if (name === undefined) g.notNormalized.push('name_not_split');
        else {
          g.put('lastName', name.lastName, item);
          g.put('firstName', name.firstName, item);
        }
        break;
      }
      case 'address': {
        const place = addressPlace(item.value);
        if (place === undefined) g.notNormalized.push('address_not_structured');
        else {
          g.put('zip', place.zip, item);
          g.put('country', place.country, item);
          if (place.prefecture !== undefined) g.put('state', place.prefecture, item);
          if (place.municipality !== undefined) g.put('city', place.municipality, item);
        }
        break;
      }
    }
  }
  return {
    rows: g.rows(),
    itemIds: g.itemIds,
    categories: g.categories.sort(),
    notNormalized: g.notNormalized,
  };
}
