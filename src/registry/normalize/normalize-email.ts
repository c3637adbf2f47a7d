import { invalidField } from './invalid-field.ts';
import { textInput } from './text-input.ts';

// RFC 5321/5322 dot-atom local part (no quoted strings), and a DNS host name with a TLD.
const LOCAL = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const DOMAIN = /^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/**
 * An e-mail address trimmed and lower-cased (full-width forms folded by NFKC, so `＠` is
 * `@`). Throws 'registry.invalid_field' when it is not `local@domain.tld` of sane length.
 */
export function normalizeEmail(raw: unknown, field = 'email'): string {
  const text = textInput(field, raw, 320).normalize('NFKC').trim().toLowerCase();
  const at = text.lastIndexOf('@');
  const local = text.slice(0, at);
  const domain = text.slice(at + 1);
  // RFC 5321 §4.5.3.1: local part ≤ 64 octets, whole path ≤ 254.
  if (
    at <= 0 ||
    text.length > 254 ||
    local.length > 64 ||
    !LOCAL.test(local) ||
    domain.length > 253 ||
    !DOMAIN.test(domain)
  ) {
    throw invalidField(field, 'must be an e-mail address such as name@example.jp');
  }
  return text;
}
