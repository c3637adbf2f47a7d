/**
 * The privacy model a data set must meet (PPC Rule 34(5): processing suited to the database's
 * characteristics): k-anonymity, optionally l-diversity and t-closeness on one sensitive
 * attribute, with at most `suppressionLimit` (a fraction of rows) suppressed.
 */
export interface PrivacyModel {
  readonly k: number;
  readonly suppressionLimit: number;
  readonly lDiversity?: { readonly kind: 'distinct' | 'entropy'; readonly l: number };
  readonly tCloseness?: { readonly t: number };
}

/**
 * Whether merging classes can only keep a node anonymous. k-anonymity and distinct l-diversity
 * are monotone even with suppression; entropy l-diversity and t-closeness are only without it
 * (a passing class merged with a failing one may fail), so the search may then not prune.
 */
export function isMonotone(model: PrivacyModel): boolean {
  if (model.suppressionLimit === 0) return true;
  return model.tCloseness === undefined && model.lDiversity?.kind !== 'entropy';
}

/** Whether a class with this distribution of sensitive values meets the l and t models. */
export function classMeetsSensitive(
  model: PrivacyModel,
  counts: ReadonlyMap<number, number>,
  size: number,
  global: Float64Array,
): boolean {
  const l = model.lDiversity;
  if (l) {
    if (l.kind === 'distinct' && counts.size < l.l) return false;
    if (l.kind === 'entropy') {
      let h = 0;
      for (const c of counts.values()) h -= (c / size) * Math.log(c / size);
      if (h < Math.log(l.l) - 1e-12) return false;
    }
  }
  const t = model.tCloseness;
  if (t) {
    // Earth mover's distance with equal ground distance: half the L1 distance.
    let d = 0;
    for (let s = 0; s < global.length; s++) d += Math.abs((counts.get(s) ?? 0) / size - global[s]!);
    if (d / 2 > t.t + 1e-12) return false;
  }
  return true;
}
