/** Trimmed and lower-cased; UTF-8 kept as is (no transliteration, no Unicode folding). */
export function trimmedLower(input: string): string {
  // No character lower-cases to white space: one trim is enough.
  return input.trim().toLowerCase();
}
