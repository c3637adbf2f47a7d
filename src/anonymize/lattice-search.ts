import type { EncodedTable } from './encoded-table.ts';
import { classesAt, type Classes } from './equivalence-classes.ts';
import { isMonotone, type PrivacyModel } from './privacy-model.ts';
import { rollUp, tupleSummary, type ClassSummary } from './rollup-classes.ts';
import { aggregateLoss, levelLoss, metricsOf, type QualityMetrics } from './quality-metrics.ts';

/** What the optimal search minimizes. */
export type SearchMetric = 'loss' | 'discernibility' | 'average-class-size' | 'precision';

/** The optimum of a full-domain search: one level per attribute, its classes and metrics. */
export interface LatticeResult {
  readonly levels: readonly number[];
  readonly classes: Classes;
  readonly metrics: QualityMetrics;
  readonly nodesChecked: number;
  readonly nodesInLattice: number;
}

/**
 * The optimal full-domain generalization: visits the lattice of level vectors in ascending
 * order of a lower bound of the metric (the value with no row suppressed, which a suppressed
 * row can only raise) and stops once the bound reaches the best node found. A node that fails
 * the model marks every node below it failed without checking (monotonicity), as does a pair
 * of attributes whose own small classes already exceed the suppression limit. Returns null when no
 * node meets the model.
 */
export function searchLattice(
  table: EncodedTable,
  model: PrivacyModel,
  metric: SearchMetric = 'loss',
): LatticeResult | null {
  const hs = table.hierarchies;
  const attrs = hs.length;
  const heights = hs.map((h) => h.map.length);
  const strides: number[] = [];
  let total = 1;
  for (const h of heights) {
    strides.push(total);
    total *= h;
  }
  const perLevel = levelLoss(table);
  const precision = precisionPerLevel(table);
  const allowed = Math.floor(model.suppressionLimit * table.rows);
  const pairFails = pairwiseFailures(table, model, allowed);
  const bound = new Float64Array(total);
  const levelsOf = (node: number): number[] =>
    heights.map((h, a) => Math.floor(node / strides[a]!) % h);
  const parts = new Float64Array(attrs);
  for (let node = 0; node < total; node++) {
    const lv = levelsOf(node);
    let b = 0;
    for (let a = 0; a < attrs; a++) {
      b += precision[a]![lv[a]!]!;
      parts[a] = perLevel[a]![lv[a]!]!;
    }
    bound[node] = metric === 'precision' ? b / attrs : aggregateLoss(parts);
  }
  const boundary = metric === 'loss' || metric === 'precision';
  const order = Int32Array.from({ length: total }, (_, i) => i).sort(
    (x, y) => bound[x]! - bound[y]!,
  );
  const failed = new Uint8Array(total);
  // For discernibility, a node none of whose successors can beat the best found (below).
  const noBetter = new Uint8Array(total);
  const monotone = isMonotone(model);
  const markDown = (node: number): void => {
    if (failed[node]) return;
    failed[node] = 1;
    for (let a = 0; a < attrs; a++) {
      if (Math.floor(node / strides[a]!) % heights[a]! > 0) markDown(node - strides[a]!);
    }
  };
  const markUp = (node: number): void => {
    if (noBetter[node]) return;
    noBetter[node] = 1;
    for (let a = 0; a < attrs; a++) {
      if (Math.floor(node / strides[a]!) % heights[a]! < heights[a]! - 1)
        markUp(node + strides[a]!);
    }
  };
  const evaluate = nodeEvaluator(table, model, allowed, strides, perLevel, precision);
  let best = null as { levels: number[]; score: number } | null;
  let bestScore = Infinity;
  let checked = 0;
  const done = new Uint8Array(total);
  const open = (node: number): boolean =>
    !failed[node] &&
    !noBetter[node] &&
    !done[node] &&
    (!boundary || bound[node]! < bestScore - 1e-15);
  /** Groups one node and keeps it when best; false when it fails the model. */
  const check = (node: number, lv: number[]): boolean => {
    done[node] = 1;
    if (pairFails(lv)) {
      if (monotone) markDown(node);
      return false;
    }
    checked++;
    const r = evaluate(node, lv);
    if (metric === 'discernibility' && r.squares >= bestScore) {
      // Σ |E|² over all classes, suppressed or not, bounds the discernibility from below and
      // only grows when classes merge, so no node above this one can beat the best (ARX's
      // lower bound of its discernibility metric, DM*).
      markUp(node);
    }
    if (!r.metrics) {
      if (monotone) markDown(node);
      return false;
    }
    const score = scoreOf(metric, r.metrics);
    if (score < bestScore - 1e-15) {
      bestScore = score;
      best = { levels: lv, score };
    }
    return true;
  };
  for (const node of order) {
    // Discernibility and class size have no per-node bound before grouping, so they visit
    // every node not pruned.
    if (boundary && bound[node]! >= bestScore - 1e-15) break;
    if (!open(node)) continue;
    if (!monotone) {
      check(node, levelsOf(node));
      continue;
    }
    // Most nodes checked fail the model, and a failure settles every node below. So before a
    // node, climb through open successors of lowest bound (nodes the search would check anyway
    // while they stay under the best) and check the path from its top down: a failure high
    // on the path marks the rest failed unchecked (as ARX's Flash checks paths, not nodes).
    const path = [node];
    for (let cur = node; ;) {
      const lv = levelsOf(cur);
      let next = -1;
      for (let a = 0; a < attrs; a++) {
        if (lv[a]! === heights[a]! - 1) continue;
        const up = cur + strides[a]!;
        if (open(up) && (next === -1 || bound[up]! < bound[next]!)) next = up;
      }
      if (next === -1) break;
      path.push(next);
      cur = next;
    }
    for (let i = path.length - 1; i >= 0; i--) {
      const p = path[i]!;
      if (!open(p)) continue;
      if (!check(p, levelsOf(p))) break;
    }
  }
  if (!best) return null;
  const classes = classesAt(table, best.levels, model);
  const metrics = nodeMetrics(table, best.levels, classes, perLevel, precision);
  return { levels: best.levels, classes, metrics, nodesChecked: checked, nodesInLattice: total };
}

/**
 * Every node of the lattice that meets the model, with its metrics: the exhaustive scan the
 * search is checked against (and the benchmark's Pareto front of loss and discernibility).
 */
export function everyNode(
  table: EncodedTable,
  model: PrivacyModel,
): { levels: number[]; metrics: QualityMetrics }[] {
  const heights = table.hierarchies.map((h) => h.map.length);
  const strides: number[] = [];
  let total = 1;
  for (const h of heights) {
    strides.push(total);
    total *= h;
  }
  const perLevel = levelLoss(table);
  const precision = precisionPerLevel(table);
  const allowed = Math.floor(model.suppressionLimit * table.rows);
  const evaluate = nodeEvaluator(table, model, allowed, strides, perLevel, precision);
  const out: { levels: number[]; metrics: QualityMetrics }[] = [];
  // In index order every node comes after the nodes one level below it, so roll-ups reuse them.
  for (let node = 0; node < total; node++) {
    const lv = heights.map((h, a) => Math.floor(node / strides[a]!) % h);
    const { metrics } = evaluate(node, lv);
    if (metrics) out.push({ levels: lv, metrics });
  }
  return out;
}

/**
 * Groups a node and judges it: its metrics when it meets the model (null when it does not) and
 * Σ |E|² over all its classes, suppressed ones included.
 */
function nodeEvaluator(
  table: EncodedTable,
  model: PrivacyModel,
  allowed: number,
  strides: readonly number[],
  perLevel: readonly Float64Array[],
  precision: readonly Float64Array[],
): (node: number, lv: number[]) => { metrics: QualityMetrics | null; squares: number } {
  const attrs = table.hierarchies.length;
  // k-anonymity alone is decided by class sizes, so classes roll up from a cached lower node;
  // l and t need each class's sensitive values, so they group tuples every time.
  const sizesOnly = !(table.sensitive && (model.lDiversity || model.tCloseness));
  const base = tupleSummary(table);
  const cache = new Map<number, ClassSummary>();
  let cached = 0;
  const summaryAt = (node: number, lv: number[]): ClassSummary => {
    let from = base;
    for (let a = 0; a < attrs; a++) {
      if (lv[a] === 0) continue;
      const lower = cache.get(node - strides[a]!);
      if (lower && lower.rep.length < from.rep.length) from = lower;
    }
    const s = rollUp(table, lv, from);
    // A bounded cache: dropped whole when full, so memory stays near the tuples' size × 64.
    if (cached + s.rep.length > 64 * base.rep.length + 1_000_000) {
      cache.clear();
      cached = 0;
    }
    cache.set(node, s);
    cached += s.rep.length;
    return s;
  };
  return (node, lv) => {
    if (sizesOnly) {
      const s = summaryAt(node, lv);
      let suppressed = 0;
      let squares = 0;
      for (const size of s.size) {
        if (size < model.k) suppressed += size;
        squares += size * size;
      }
      if (suppressed > allowed) return { metrics: null, squares };
      return { metrics: summaryMetrics(table, lv, s, model.k, perLevel, precision), squares };
    }
    const classes = classesAt(table, lv, model);
    let squares = 0;
    for (const size of classes.size) squares += size * size;
    if (classes.suppressedRows > allowed) return { metrics: null, squares };
    return { metrics: nodeMetrics(table, lv, classes, perLevel, precision), squares };
  };
}

/** Per attribute and level, Sweeney's precision loss of one cell: level / height. */
function precisionPerLevel(table: EncodedTable): Float64Array[] {
  return table.hierarchies.map((h) =>
    Float64Array.from({ length: h.map.length }, (_, l) =>
      h.map.length === 1 ? 0 : l / (h.map.length - 1),
    ),
  );
}

/** The metrics of a node from its class summary: a class's members share every label. */
function summaryMetrics(
  table: EncodedTable,
  levels: readonly number[],
  s: ClassSummary,
  k: number,
  perLevel: readonly Float64Array[],
  precision: readonly Float64Array[],
): QualityMetrics {
  const attrs = table.hierarchies.length;
  const lossSums = perLevel.map((l, a) => l[levels[a]!]! * table.rows);
  let precisionSum = 0;
  for (let a = 0; a < attrs; a++) precisionSum += precision[a]![levels[a]!]! * table.rows;
  const kept = new Uint8Array(s.size.length);
  for (let c = 0; c < s.size.length; c++) {
    if (s.size[c]! >= k) {
      kept[c] = 1;
      continue;
    }
    for (let a = 0; a < attrs; a++) {
      const h = table.hierarchies[a]!;
      const lv = levels[a]!;
      const leaves = h.leaves[lv]![h.map[lv]![table.tupleCodes[a]![s.rep[c]!]!]!]!;
      lossSums[a]! -= ((leaves - 1) / Math.max(1, h.values.size - 1)) * s.size[c]!;
      precisionSum -= precision[a]![lv]! * s.size[c]!;
    }
  }
  return metricsOf(table.rows, s.size, kept, lossSums, precisionSum);
}

function scoreOf(metric: SearchMetric, m: QualityMetrics): number {
  switch (metric) {
    case 'loss':
      return m.loss;
    case 'precision':
      return m.precisionLoss;
    case 'discernibility':
      return m.discernibility;
    case 'average-class-size':
      return m.classes === 0 ? Infinity : m.rowsIn / m.classes;
  }
}

/** The report's metrics for a node of the lattice. */
export function nodeMetrics(
  table: EncodedTable,
  levels: readonly number[],
  classes: Classes,
  perLevel: readonly Float64Array[] = levelLoss(table),
  precision: readonly Float64Array[] = precisionPerLevel(table),
): QualityMetrics {
  const attrs = table.hierarchies.length;
  // Both sums over kept rows: all rows' value minus the suppressed rows' share.
  const lossSums = perLevel.map((l, a) => l[levels[a]!]! * table.rows);
  let precisionSum = 0;
  for (let a = 0; a < attrs; a++) {
    precisionSum += precision[a]![levels[a]!]! * table.rows;
  }
  if (classes.suppressedRows > 0) {
    const T = table.tupleCount.length;
    for (let a = 0; a < attrs; a++) {
      const h = table.hierarchies[a]!;
      const map = h.map[levels[a]!]!;
      const leaves = h.leaves[levels[a]!]!;
      const domain = Math.max(1, h.values.size - 1);
      const codes = table.tupleCodes[a]!;
      for (let t = 0; t < T; t++) {
        if (classes.kept[classes.tupleClass[t]!]) continue;
        lossSums[a]! -= ((leaves[map[codes[t]!]!]! - 1) / domain) * table.tupleCount[t]!;
        precisionSum -= precision[a]![levels[a]!]! * table.tupleCount[t]!;
      }
    }
  }
  return metricsOf(table.rows, classes.size, classes.kept, lossSums, precisionSum);
}

/**
 * For every pair of attributes and pair of levels, whether the rows alone in classes smaller
 * than k of that two-attribute projection exceed the limit: such a row is in a class smaller
 * than k at every node with those two levels, so the node fails without being grouped.
 */
function pairwiseFailures(
  table: EncodedTable,
  model: PrivacyModel,
  allowed: number,
): (levels: readonly number[]) => boolean {
  const hs = table.hierarchies;
  const attrs = hs.length;
  const fails: { a: number; b: number; hb: number; bad: Uint8Array }[] = [];
  const T = table.tupleCount.length;
  for (let a = 0; a < attrs; a++) {
    for (let b = a + 1; b < attrs; b++) {
      const ha = hs[a]!.map.length;
      const hb = hs[b]!.map.length;
      const bad = new Uint8Array(ha * hb);
      for (let la = 0; la < ha; la++) {
        for (let lb = 0; lb < hb; lb++) {
          const ma = hs[a]!.map[la]!;
          const mb = hs[b]!.map[lb]!;
          const wb = hs[b]!.labels[lb]!.length;
          const counts = new Int32Array(hs[a]!.labels[la]!.length * wb);
          const ca = table.tupleCodes[a]!;
          const cb = table.tupleCodes[b]!;
          for (let t = 0; t < T; t++)
            counts[ma[ca[t]!]! * wb + mb[cb[t]!]!]! += table.tupleCount[t]!;
          let small = 0;
          for (const c of counts) if (c > 0 && c < model.k) small += c;
          bad[la * hb + lb] = small > allowed ? 1 : 0;
        }
      }
      fails.push({ a, b, hb, bad });
    }
  }
  return (lv) => fails.some((f) => f.bad[lv[f.a]! * f.hb + lv[f.b]!] === 1);
}
