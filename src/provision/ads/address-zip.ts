// A Japanese address written as the post writes it: the postal code first, with or without 〒.
const LEADING_POSTAL_CODE = /^\s*(?:〒\s*)?(\d{3})-?(\d{4})(?:\s|$)/u;

/**
 * The zip code and country of a registered address, only when the address starts with a
 * Japanese postal code (〒100-0001 …); undefined otherwise (not guessed).
 */
export function addressZip(
  address: string,
): { readonly zip: string; readonly country: 'JP' } | undefined {
  const m = LEADING_POSTAL_CODE.exec(address);
  return m === null ? undefined : { zip: `${m[1]}-${m[2]}`, country: 'JP' };
}
