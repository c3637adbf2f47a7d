import type { ItemRetention } from '../policy/index.ts';

/** One ground of a refusal in part: which categories, which duty, until when (no value). */
export interface KeptGround {
  readonly clause: string;
  readonly categories: readonly string[];
  readonly itemIds: readonly string[];
  /** ISO instant, or null while an open-ended condition lasts. */
  readonly until: string | null;
}

/**
 * RETAIN, APPI Art. 36: the kept items grouped by the duty that keeps them and its end, for the
 * request's summary and the customer's letter. An item kept by several duties is listed under
 * each: the customer learns every reason, and the latest end.
 */
export function keptSummary(kept: readonly ItemRetention[]): KeptGround[] {
  const groups = new Map<
    string,
    { clause: string; until: number | null; items: ItemRetention[] }
  >();
  for (const item of kept) {
    for (const keep of item.keeps) {
      const key = `${keep.clause}|${keep.until ?? 'open'}`;
      const group = groups.get(key) ?? { clause: keep.clause, until: keep.until, items: [] };
      group.items.push(item);
      groups.set(key, group);
    }
  }
  return [...groups.values()].map((g) => ({
    clause: g.clause,
    categories: [...new Set(g.items.map((i) => i.category))],
    itemIds: g.items.map((i) => i.itemId),
    until: g.until === null ? null : new Date(g.until).toISOString(),
  }));
}
