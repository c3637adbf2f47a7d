import type { EncodedTable } from './encoded-table.ts';

/** The figures the report gives for one anonymization. */
export interface QualityMetrics {
  readonly rowsIn: number;
  readonly rowsOut: number;
  readonly suppressedRows: number;
  readonly classes: number;
  /** Σ over kept classes of size², plus every suppressed row counted as one class of all rows. */
  readonly discernibility: number;
  readonly averageClassSize: number;
  /**
   * Iyengar's loss: per cell (leaves covered − 1)/(domain − 1), a suppressed cell 1, averaged
   * per attribute; the attributes aggregated as ARX does (geometric mean of 1 + loss, minus 1).
   */
  readonly loss: number;
  /** The per-attribute loss, in the order of the quasi-identifiers. */
  readonly lossPerAttribute: readonly number[];
  /** Sweeney's precision loss: mean over cells of level/height, a suppressed cell 1. */
  readonly precisionLoss: number;
  readonly smallestClass: number;
  /** Prosecutor model: the highest and the average probability of re-identifying a row. */
  readonly highestRisk: number;
  readonly averageRisk: number;
  /** Class size → how many classes have it. */
  readonly classSizeHistogram: readonly (readonly [number, number])[];
}

/** Per attribute and level, the loss of all rows at that level (the search's lower bound). */
export function levelLoss(table: EncodedTable): Float64Array[] {
  return table.hierarchies.map((h, a) => {
    const out = new Float64Array(h.map.length);
    const domain = h.values.size;
    const codes = table.tupleCodes[a]!;
    for (let l = 0; l < h.map.length; l++) {
      const map = h.map[l]!;
      const leaves = h.leaves[l]!;
      let sum = 0;
      for (let t = 0; t < codes.length; t++) {
        sum += ((leaves[map[codes[t]!]!]! - 1) / Math.max(1, domain - 1)) * table.tupleCount[t]!;
      }
      out[l] = sum / Math.max(1, table.rows);
    }
    return out;
  });
}

/**
 * The metrics of a partition of rows into classes given per class: its size, whether it is
 * kept, and the per-cell loss and precision loss summed over its rows.
 */
export function metricsOf(
  rowsIn: number,
  classSize: ArrayLike<number>,
  kept: ArrayLike<number>,
  lossSums: readonly number[],
  precisionSum: number,
): QualityMetrics {
  let suppressedRows = 0;
  let classes = 0;
  let disc = 0;
  let smallest = Infinity;
  const histogram = new Map<number, number>();
  for (let c = 0; c < classSize.length; c++) {
    const s = classSize[c]!;
    if (!kept[c]) {
      suppressedRows += s;
      continue;
    }
    classes++;
    disc += s * s;
    if (s < smallest) smallest = s;
    histogram.set(s, (histogram.get(s) ?? 0) + 1);
  }
  disc += suppressedRows * rowsIn;
  const attrs = lossSums.length;
  const lossPerAttribute = lossSums.map((l) => (l + suppressedRows) / Math.max(1, rowsIn));
  const rowsOut = rowsIn - suppressedRows;
  const cells = Math.max(1, rowsIn * attrs);
  return {
    rowsIn,
    rowsOut,
    suppressedRows,
    classes,
    discernibility: disc,
    averageClassSize: classes === 0 ? 0 : rowsOut / classes,
    loss: aggregateLoss(lossPerAttribute),
    lossPerAttribute,
    precisionLoss: (precisionSum + suppressedRows * attrs) / cells,
    smallestClass: classes === 0 ? 0 : smallest,
    highestRisk: classes === 0 ? 0 : 1 / smallest,
    averageRisk: rowsOut === 0 ? 0 : classes / rowsOut,
    classSizeHistogram: [...histogram.entries()].sort((x, y) => x[0] - y[0]),
  };
}

/** ARX's aggregate of per-attribute losses: the geometric mean of 1 + loss, minus 1. */
export function aggregateLoss(perAttribute: ArrayLike<number>): number {
  let s = 0;
  for (let a = 0; a < perAttribute.length; a++) s += Math.log1p(perAttribute[a]!);
  return perAttribute.length === 0 ? 0 : Math.expm1(s / perAttribute.length);
}
