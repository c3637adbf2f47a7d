import { jsonStringEnd } from './json-string-end.ts';

/**
 * Counts the elements of a JSON array body without parsing it, stopping once past `max`: one
 * pass over the characters, no allocation, so a body of millions of tiny elements is refused
 * for a fraction of what JSON.parse would spend building them. A body that is not an array
 * counts as 1. Malformed JSON is left to the parser that follows.
 */
export function countTopLevel(text: string, max: number): number {
  let i = 0;
  const n = text.length;
  while (i < n && isSpace(text.charCodeAt(i))) i++;
  if (text.charCodeAt(i) !== 0x5b /* [ */) return 1;
  let depth = 0;
  let count = 0;
  let empty = true;
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      empty = false;
      i = jsonStringEnd(text, i + 1);
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > 1) empty = false;
    } else if (c === 0x5d || c === 0x7d) depth--;
    else if (c === 0x2c /* , */ && depth === 1) {
      empty = false;
      if (++count >= max) return count + 1;
    } else if (empty && !isSpace(c)) empty = false;
  }
  return empty ? 0 : count + 1;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}
