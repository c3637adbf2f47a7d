import { refused, normalized, type Normalized } from './ad-value.ts';
import { trimmedLower } from './trimmed-lower.ts';

const MAX_EMAIL = 254;
// Deliberately loose: the registry already validated stored addresses; this only refuses what
// no platform could match (no local part, no dotted domain, spaces).
const SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/u;
const GMAIL_DOMAINS = new Set(['gmail.com', 'googlemail.com']);

/** Options of `adsEmail`. */
export interface AdsEmailOptions {
  /** Google: drop dots and the +suffix from the local part of gmail.com / googlemail.com. */
  readonly gmailCanonical: boolean;
}

/** An e-mail address trimmed and lower-cased (and gmail-canonical for Google), hashed. */
export function adsEmail(input: string, options: AdsEmailOptions): Normalized {
  const text = trimmedLower(input);
  if (text === '') return refused('empty');
  if (text.length > MAX_EMAIL || !SHAPE.test(text)) return refused('invalid_email');
  if (!options.gmailCanonical) return normalized(text, true);
  const at = text.lastIndexOf('@');
  const domain = text.slice(at + 1);
  if (!GMAIL_DOMAINS.has(domain)) return normalized(text, true);
  const local = text.slice(0, at).split('+')[0]!.replaceAll('.', '');
  return local === '' ? refused('invalid_email') : normalized(`${local}@${domain}`, true);
}
