import { describe, expect, it } from 'vitest';
import { encodeTable } from './encoded-table.ts';
import { classesAt } from './equivalence-classes.ts';
import { nodeMetrics, searchLattice } from './lattice-search.ts';
import { mondrian } from './mondrian.ts';
import { adultSlice } from './test-support.ts';

const adult = adultSlice(2000);
const QIS = [1, 2, 3, 4, 0]; // age, race, marital-status, education, sex
const table = encodeTable(
  QIS.map((i) => adult.rows.map((r) => r[i]!)),
  QIS.map((i) => adult.hierarchies[i]!),
);

/** Every node, checked by brute force: the lowest loss among those that meet the model. */
function bruteForce(limit: number): { levels: number[]; loss: number } {
  const heights = table.hierarchies.map((h) => h.map.length);
  let best = { levels: [] as number[], loss: Infinity };
  const walk = (lv: number[]): void => {
    if (lv.length === heights.length) {
      const c = classesAt(table, lv, { k: 5, suppressionLimit: limit });
      if (c.suppressedRows > Math.floor(limit * table.rows)) return;
      const loss = nodeMetrics(table, lv, c).loss;
      if (loss < best.loss) best = { levels: lv, loss };
      return;
    }
    for (let l = 0; l < heights[lv.length]!; l++) walk([...lv, l]);
  };
  walk([]);
  return best;
}

describe('the optimal lattice search', () => {
  it.each([0, 0.02, 0.1])(
    'finds the lowest-loss node a full scan finds at %s suppression',
    (limit) => {
      const found = searchLattice(table, { k: 5, suppressionLimit: limit })!;
      const brute = bruteForce(limit);
      expect(found.metrics.loss).toBeCloseTo(brute.loss, 12);
      expect(found.nodesChecked).toBeLessThan(found.nodesInLattice);
      expect(found.metrics.suppressedRows).toBeLessThanOrEqual(Math.floor(limit * table.rows));
      expect(found.metrics.smallestClass).toBeGreaterThanOrEqual(5);
    },
  );

  it('returns null when no node meets the model', () => {
    expect(searchLattice(table, { k: table.rows + 1, suppressionLimit: 0 })).toBeNull();
  });
});

describe('Mondrian', () => {
  it('makes classes of at least k rows that cover every row, with less loss than full-domain', () => {
    const m = mondrian(table, { k: 5, suppressionLimit: 0 });
    const sizes = [...m.classes.size];
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(5);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(table.rows);
    const optimal = searchLattice(table, { k: 5, suppressionLimit: 0 })!;
    expect(m.metrics.discernibility).toBeLessThan(optimal.metrics.discernibility);
  });
});
