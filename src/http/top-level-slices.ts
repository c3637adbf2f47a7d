import { jsonStringEnd } from './json-string-end.ts';

/**
 * The text of a JSON array body cut into runs of at most `per` top-level elements, each run a
 * JSON array of its own (`[e1,e2,…]`), in one pass over the characters without parsing: a
 * large batch is then parsed run by run, yielding to the event loop between runs. Null when
 * the body is not an array (or its brackets do not balance): parse it whole.
 */
export function topLevelSlices(text: string, per: number): string[] | null {
  let i = 0;
  const n = text.length;
  while (i < n && isSpace(text.charCodeAt(i))) i++;
  if (text.charCodeAt(i) !== 0x5b /* [ */) return null;
  const slices: string[] = [];
  let depth = 0;
  let start = i + 1;
  let elements = 0;
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      i = jsonStringEnd(text, i + 1);
      continue;
    }
    if (c === 0x5b || c === 0x7b) depth++;
    else if (c === 0x5d || c === 0x7d) {
      depth--;
      if (depth === 0) {
        const rest = text.slice(start, i);
        if (rest.trim() !== '') slices.push(`[${rest}]`);
        // Anything after the closing bracket but spaces is malformed: parse whole, for its error.
        for (let j = i + 1; j < n; j++) if (!isSpace(text.charCodeAt(j))) return null;
        return slices;
      }
    } else if (c === 0x2c /* , */ && depth === 1 && ++elements === per) {
      slices.push(`[${text.slice(start, i)}]`);
      start = i + 1;
      elements = 0;
    }
  }
  return null;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}
