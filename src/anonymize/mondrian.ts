import type { EncodedTable } from './encoded-table.ts';
import type { Classes } from './equivalence-classes.ts';
import type { PrivacyModel } from './privacy-model.ts';
import { metricsOf, type QualityMetrics } from './quality-metrics.ts';

/** A multidimensional partition: each class with, per attribute, the label its rows share. */
export interface MondrianResult {
  readonly classes: Classes;
  /** Per class, per attribute: the hierarchy level of the label that covers the class. */
  readonly classLevels: readonly Int32Array[];
  readonly metrics: QualityMetrics;
}

/**
 * Strict Mondrian (LeFevre et al.): splits the tuples at the weighted median of the attribute
 * with the widest normalized span (values ordered as in the hierarchy, so siblings stay
 * together) while both halves keep at least k rows; each leaf is a class generalized to the
 * lowest level whose label covers all of it. k-anonymity only; l and t need the lattice.
 */
export function mondrian(table: EncodedTable, model: PrivacyModel): MondrianResult {
  const T = table.tupleCount.length;
  const attrs = table.hierarchies.length;
  const order = Int32Array.from({ length: T }, (_, i) => i);
  const scratch = new Int32Array(T);
  const tupleClass = new Int32Array(T);
  const sizes: number[] = [];
  const classLevels: Int32Array[] = [];
  const domains = table.hierarchies.map((h) => Math.max(1, h.values.size - 1));

  const weightOf = (from: number, to: number): number => {
    let w = 0;
    for (let i = from; i < to; i++) w += table.tupleCount[order[i]!]!;
    return w;
  };
  const leaf = (from: number, to: number, weight: number): void => {
    const c = sizes.length;
    sizes.push(weight);
    const levels = new Int32Array(attrs);
    for (let a = 0; a < attrs; a++) levels[a] = coveringLevel(table, a, order, from, to);
    classLevels.push(levels);
    for (let i = from; i < to; i++) tupleClass[order[i]!] = c;
  };
  const split = (from: number, to: number, weight: number): void => {
    const spans: [number, number][] = [];
    for (let a = 0; a < attrs; a++) {
      const codes = table.tupleCodes[a]!;
      let lo = Infinity;
      let hi = -Infinity;
      for (let i = from; i < to; i++) {
        const v = codes[order[i]!]!;
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      }
      if (hi > lo) spans.push([a, (hi - lo) / domains[a]!]);
    }
    spans.sort((x, y) => y[1] - x[1]);
    for (const [a] of spans) {
      const codes = table.tupleCodes[a]!;
      const cut = medianCode(codes, table.tupleCount, order, from, to, weight);
      let l = from;
      let r = to;
      for (let i = from; i < to; i++) {
        const t = order[i]!;
        if (codes[t]! <= cut) scratch[l++] = t;
        else scratch[--r] = t;
      }
      const left = weightOfScratch(scratch, table.tupleCount, from, l);
      if (left < model.k || weight - left < model.k) continue;
      order.set(scratch.subarray(from, to), from);
      split(from, l, left);
      split(l, to, weight - left);
      return;
    }
    leaf(from, to, weight);
  };
  const all = weightOf(0, T);
  if (all < model.k) {
    leaf(0, T, all);
  } else {
    split(0, T, all);
  }
  const size = Int32Array.from(sizes);
  const kept = Uint8Array.from(sizes, (s) => (s >= model.k ? 1 : 0));
  let suppressedRows = 0;
  for (let c = 0; c < size.length; c++) if (!kept[c]) suppressedRows += size[c]!;
  const classes: Classes = { count: size.length, tupleClass, size, kept, suppressedRows };
  const lossSums = new Array<number>(attrs).fill(0);
  let precisionSum = 0;
  for (let t = 0; t < T; t++) {
    const c = tupleClass[t]!;
    if (!kept[c]) continue;
    for (let a = 0; a < attrs; a++) {
      const h = table.hierarchies[a]!;
      const lv = classLevels[c]![a]!;
      const leaves = h.leaves[lv]![h.map[lv]![table.tupleCodes[a]![t]!]!]!;
      lossSums[a]! += ((leaves - 1) / domains[a]!) * table.tupleCount[t]!;
      precisionSum += (h.map.length === 1 ? 0 : lv / (h.map.length - 1)) * table.tupleCount[t]!;
    }
  }
  return {
    classes,
    classLevels,
    metrics: metricsOf(table.rows, size, kept, lossSums, precisionSum),
  };
}

/** The code at which the cumulative weight first reaches half; ≤ it goes left. */
function medianCode(
  codes: Int32Array,
  counts: Int32Array,
  order: Int32Array,
  from: number,
  to: number,
  weight: number,
): number {
  const hist = new Map<number, number>();
  for (let i = from; i < to; i++) {
    const t = order[i]!;
    hist.set(codes[t]!, (hist.get(codes[t]!) ?? 0) + counts[t]!);
  }
  const keys = [...hist.keys()].sort((x, y) => x - y);
  let acc = 0;
  for (const k of keys) {
    acc += hist.get(k)!;
    // Never the last value: the right half must not be empty.
    if (acc * 2 >= weight && k !== keys[keys.length - 1]) return k;
  }
  return keys[keys.length - 2] ?? keys[0]!;
}

function weightOfScratch(buf: Int32Array, counts: Int32Array, from: number, to: number): number {
  let w = 0;
  for (let i = from; i < to; i++) w += counts[buf[i]!]!;
  return w;
}

function coveringLevel(
  table: EncodedTable,
  a: number,
  order: Int32Array,
  from: number,
  to: number,
): number {
  const h = table.hierarchies[a]!;
  const codes = table.tupleCodes[a]!;
  for (let l = 0; l < h.map.length; l++) {
    const map = h.map[l]!;
    const first = map[codes[order[from]!]!]!;
    let same = true;
    for (let i = from + 1; i < to && same; i++) same = map[codes[order[i]!]!]! === first;
    if (same) return l;
  }
  return h.map.length - 1;
}
