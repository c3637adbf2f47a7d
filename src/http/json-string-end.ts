/**
 * The index of the quote that closes the JSON string whose text starts at `from` (just after
 * its opening quote), or `text.length` when it is not closed. Found with `indexOf`, not char
 * by char: most of a decision batch's text is inside strings, and a scan of megabytes one
 * character at a time would hold the event loop for milliseconds per call. A quote preceded by
 * an odd number of backslashes is escaped and skipped.
 */
export function jsonStringEnd(text: string, from: number): number {
  let at = from;
  for (;;) {
    const quote = text.indexOf('"', at);
    if (quote < 0) return text.length;
    let slashes = 0;
    for (let k = quote - 1; k >= from && text.charCodeAt(k) === 0x5c /* \ */; k--) slashes++;
    if (slashes % 2 === 0) return quote;
    at = quote + 1;
  }
}
