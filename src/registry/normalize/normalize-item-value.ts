import { invalidField } from './invalid-field.ts';
import { normalizeDate } from './normalize-date.ts';
import { normalizeEmail } from './normalize-email.ts';
import { normalizeName } from './normalize-name.ts';
import { normalizePhone } from './normalize-phone.ts';
import { normalizeText } from './normalize-text.ts';

/** An item's value in the one form the registry stores for its category. */
export function normalizeItemValue(category: string, raw: unknown, field: string): string {
  switch (category) {
    case 'email':
      return normalizeEmail(raw, field);
    case 'phone':
      return normalizePhone(raw, field);
    case 'name':
      return normalizeName(raw, field);
    case 'address':
      return normalizeText(raw, field, { form: 'NFKC', maxLength: 500 });
    case 'birthDate':
      return normalizeDate(raw, field);
    case 'myNumber':
      return normalizeMyNumber(raw, field);
    default:
      return normalizeText(raw, field, { maxLength: 10_000 });
  }
}

// PURPOSE.MY_NUMBER: twelve digits; written with spaces or hyphens on cards and forms.
function normalizeMyNumber(raw: unknown, field: string): string {
  const digits = normalizeText(raw, field, { form: 'NFKC', maxLength: 32 }).replace(/[\s-]/g, '');
  if (!/^\d{12}$/.test(digits)) throw invalidField(field, 'must be twelve digits');
  return digits;
}
