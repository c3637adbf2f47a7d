/** How many tries a notice gets in all; after the last one fails it is failed for good. */
export const MAX_ATTEMPTS = 5;

/** The wait before the next try, by failures so far: 1, 5, then 30 minutes. */
const BACKOFF_MS = [60_000, 5 * 60_000, 30 * 60_000] as const;

/**
 * When a notice that has just failed its `attempts`-th try may be tried again, or null when
 * that was the last try allowed.
 */
export function nextAttemptAt(attempts: number, now: number): number | null {
  if (attempts >= MAX_ATTEMPTS) return null;
  return now + BACKOFF_MS[Math.min(attempts, BACKOFF_MS.length) - 1]!;
}
