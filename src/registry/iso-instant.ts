/** An epoch-millisecond instant as ISO 8601 in UTC, as the wire format shows instants. */
export const isoInstant = (ms: number): string => new Date(ms).toISOString();

/** The same for a nullable instant. */
export const isoOrNull = (ms: number | null): string | null =>
  ms === null ? null : isoInstant(ms);
