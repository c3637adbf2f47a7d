const ALPHA2 = /^[A-Z]{2}$/;
let byName: Map<string, string> | undefined;

/**
 * The ISO 3166-1 alpha-2 code (upper case) of a code or an English country name
 * ('JP', 'jp', 'United States'); undefined when it names no region. Names come from the
 * runtime's CLDR data (Intl.DisplayNames), so no list is kept here.
 */
export function countryAlpha2(input: string): string | undefined {
  const text = input.trim();
  const names = regionNames();
  // The common case, a code already in upper case ('JP'), without a new string.
  if (text.length === 2 && ALPHA2.test(text) && names.has(text)) return text;
  const upper = text.toUpperCase();
  if (ALPHA2.test(upper) && names.has(upper)) return upper;
  return names.get(text.toLowerCase().replace(/\s+/g, ' '));
}

function regionNames(): Map<string, string> {
  if (byName !== undefined) return byName;
  const display = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
  const map = new Map<string, string>();
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      const name = display.of(code);
      if (name === undefined || name === code) continue;
      map.set(code, code);
      map.set(name.toLowerCase(), code);
    }
  }
  byName = map;
  return map;
}
