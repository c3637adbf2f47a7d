/** Trimmed and lower-cased; UTF-8 kept as is (no transliteration, no Unicode folding). */
export function trimmedLower(input: string): string {
  return input.trim().toLowerCase().trim();
}
