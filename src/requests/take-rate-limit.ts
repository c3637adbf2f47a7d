import type { RequestDeps } from './request-deps.ts';
import { requestsDb } from './request-tables.ts';
import type { WindowLimit } from './verification-limits.ts';

/** Whether one more event fits under every limit, and when it would if not. */
export type RateDecision =
  { readonly allowed: true } | { readonly allowed: false; readonly retryAfterMs: number };

/**
 * Counts one event against `key` when it fits under every sliding-window limit, in the
 * database so that every server sharing it counts together. The key's row is locked by an
 * upsert first, so concurrent starts on PostgreSQL are counted one after the other; the check
 * runs in its own short transaction that touches that one row only (so it never waits on
 * another limit's row while holding one). An event refused is not counted. `key` must not be
 * a personal value: pass a keyed hash.
 */
export async function takeRateLimit(
  ctx: RequestDeps,
  key: string,
  limits: readonly WindowLimit[],
): Promise<RateDecision> {
  if (limits.length === 0) return { allowed: true };
  const longest = Math.max(...limits.map((l) => l.windowMs));
  return ctx.store.db.transaction().execute(async (tx) => {
    const db = requestsDb(tx);
    const now = ctx.clock();
    await db
      .insertInto('verification_limits')
      .values({ key, hits: '[]', expires_at: now + longest })
      .onConflict((oc) => oc.column('key').doUpdateSet((eb) => ({ key: eb.ref('excluded.key') })))
      .execute();
    const row = await db
      .selectFrom('verification_limits')
      .select('hits')
      .where('key', '=', key)
      .executeTakeFirstOrThrow();
    const hits = (JSON.parse(row.hits) as number[]).filter((at) => at > now - longest);
    let retryAfterMs = 0;
    for (const limit of limits) {
      const inWindow = hits.filter((at) => at > now - limit.windowMs).sort((a, b) => a - b);
      if (inWindow.length >= limit.max) {
        // Free again once enough of the oldest hits in the window have left it.
        const freeAt = inWindow[inWindow.length - limit.max]! + limit.windowMs;
        retryAfterMs = Math.max(retryAfterMs, freeAt - now);
      }
    }
    const allowed = retryAfterMs === 0;
    if (allowed) hits.push(now);
    await db
      .updateTable('verification_limits')
      .set({
        hits: JSON.stringify(hits),
        expires_at: (hits.length === 0 ? now : Math.max(...hits)) + longest,
      })
      .where('key', '=', key)
      .execute();
    return allowed ? { allowed: true } : { allowed: false, retryAfterMs };
  });
}

/** Deletes the counters whose every event has left its windows; returns how many. */
export async function pruneRateLimits(ctx: RequestDeps): Promise<number> {
  const result = await requestsDb(ctx.store.db)
    .deleteFrom('verification_limits')
    .where('expires_at', '<=', ctx.clock())
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
