const JST_OFFSET_MS = 9 * 3600 * 1000;

/** An epoch-millisecond instant written in Japan time with its offset (`…T10:00:00+09:00`). */
export function jstInstant(ms: number): string {
  return `${new Date(ms + JST_OFFSET_MS).toISOString().slice(0, 19)}+09:00`;
}
