/** One request read from input, or the reason it could not be read. */
export type ReadRequest =
  { readonly value: unknown } | { readonly error: string; readonly line: number };

/**
 * Splits decision input into requests: a JSON array, one JSON object, or one object per line
 * (NDJSON). A line that is not JSON becomes an error in its place; the others still count.
 */
export function parseRequests(text: string): ReadRequest[] {
  const trimmed = text.trim();
  if (trimmed === '') return [];
  try {
    const whole: unknown = JSON.parse(trimmed);
    return Array.isArray(whole) ? whole.map((value) => ({ value })) : [{ value: whole }];
  } catch {
    // Not one JSON value: read it as one object per line.
  }
  const out: ReadRequest[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (line === '') return;
    try {
      out.push({ value: JSON.parse(line) as unknown });
    } catch (e) {
      out.push({ error: `line ${i + 1}: not JSON (${(e as Error).message})`, line: i + 1 });
    }
  });
  return out;
}
