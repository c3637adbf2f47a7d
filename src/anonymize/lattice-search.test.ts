import { describe, expect, it } from 'vitest';
import { encodeTable } from './encoded-table.ts';
import { classesAt } from './equivalence-classes.ts';
import { hierarchyFromRows } from './hierarchy.ts';
import { everyNode, nodeMetrics, searchLattice } from './lattice-search.ts';
import { mondrian } from './mondrian.ts';
import { adultSlice } from './test-support.ts';

const adult = adultSlice(2000);
const QIS = [1, 2, 3, 4, 0]; // age, race, marital-status, education, sex
const table = encodeTable(
  QIS.map((i) => adult.rows.map((r) => r[i]!)),
  QIS.map((i) => adult.hierarchies[i]!),
);

/** Every node, checked by brute force: the lowest loss (or discernibility) among those that meet the model. */
function bruteForce(
  limit: number,
  metric: 'loss' | 'discernibility' = 'loss',
): { levels: number[]; loss: number; discernibility: number } {
  const heights = table.hierarchies.map((h) => h.map.length);
  let best = { levels: [] as number[], loss: Infinity, discernibility: Infinity };
  const walk = (lv: number[]): void => {
    if (lv.length === heights.length) {
      const c = classesAt(table, lv, { k: 5, suppressionLimit: limit });
      if (c.suppressedRows > Math.floor(limit * table.rows)) return;
      const m = nodeMetrics(table, lv, c);
      if (m[metric] < best[metric])
        best = { levels: lv, loss: m.loss, discernibility: m.discernibility };
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

  it.each([0, 0.02, 0.1])(
    'finds the lowest-discernibility node a full scan finds at %s suppression, pruning nodes',
    (limit) => {
      const found = searchLattice(table, { k: 5, suppressionLimit: limit }, 'discernibility')!;
      const brute = bruteForce(limit, 'discernibility');
      expect(found.metrics.discernibility).toBe(brute.discernibility);
      expect(found.nodesChecked).toBeLessThan(found.nodesInLattice);
      const all = everyNode(table, { k: 5, suppressionLimit: limit });
      expect(Math.min(...all.map((n) => n.metrics.discernibility))).toBe(brute.discernibility);
      expect(Math.min(...all.map((n) => n.metrics.loss))).toBeCloseTo(bruteForce(limit).loss, 12);
    },
  );

  it('counts discernibility as ARX does: |E|² per kept class, |D| per suppressed row', () => {
    // x: a, b → ab → *; c → c → *. Rows a a a b b c, k = 2, one row may be suppressed.
    const h = hierarchyFromRows('x', [
      ['a', 'ab', '*'],
      ['b', 'ab', '*'],
      ['c', 'c', '*'],
    ]);
    const t = encodeTable([['a', 'a', 'a', 'b', 'b', 'c']], [h]);
    const model = { k: 2, suppressionLimit: 1 / 6 };
    const byLevel = everyNode(t, model).map((n) => [n.levels[0], n.metrics.discernibility]);
    // Level 0: 3² + 2² + 1 × 6 (c suppressed); level 1: 5² + 1 × 6; level 2: 6².
    expect(byLevel).toEqual([
      [0, 19],
      [1, 31],
      [2, 36],
    ]);
    const found = searchLattice(t, model, 'discernibility')!;
    expect(found.levels).toEqual([0]);
    expect(found.metrics.discernibility).toBe(19);
    expect(found.metrics.suppressedRows).toBe(1);
  });

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
