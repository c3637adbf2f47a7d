import { normalizeText } from './normalize-text.ts';

/** A person's name, NFKC-normalized (full-width Latin and half-width kana folded) and trimmed. */
export function normalizeName(raw: unknown, field = 'name'): string {
  return normalizeText(raw, field, { form: 'NFKC', maxLength: 200 });
}
