import { HogoError } from '../errors/index.ts';

/**
 * A generalization hierarchy over one attribute's values: level 0 is the value itself, each
 * higher level a coarser label, the top level `*`. Values are coded 0..n-1; `map[l][code]` is
 * the code of its label at level `l`, `leaves[l][label]` how many level-0 values that label
 * covers (what the loss metric counts).
 */
export interface Hierarchy {
  readonly attribute: string;
  readonly values: ReadonlyMap<string, number>;
  readonly labels: readonly (readonly string[])[];
  readonly map: readonly Int32Array[];
  readonly leaves: readonly Int32Array[];
}

/** The number of levels (level 0 included). */
export function heightOf(h: Hierarchy): number {
  return h.map.length;
}

/**
 * Builds a hierarchy from rows `value, level1, …, top` (ARX's CSV layout). Rows of different
 * lengths or a value given twice are errors naming the row.
 */
export function hierarchyFromRows(
  attribute: string,
  rows: readonly (readonly string[])[],
  source = attribute,
): Hierarchy {
  if (rows.length === 0) {
    throw new HogoError('anonymize.hierarchy', `${source}: hierarchy of ${attribute} is empty`);
  }
  const height = rows[0]!.length;
  const values = new Map<string, number>();
  const labelCodes = Array.from({ length: height }, () => new Map<string, number>());
  const map = Array.from({ length: height }, () => new Int32Array(rows.length));
  rows.forEach((row, i) => {
    if (row.length !== height) {
      throw new HogoError(
        'anonymize.hierarchy',
        `${source}:${i + 1}:1 hierarchy of ${attribute}: row has ${row.length} levels, the first has ${height}`,
      );
    }
    if (values.has(row[0]!)) {
      throw new HogoError(
        'anonymize.hierarchy',
        `${source}:${i + 1}:1 hierarchy of ${attribute}: value "${row[0]}" given twice`,
      );
    }
    values.set(row[0]!, i);
    for (let l = 0; l < height; l++) {
      const codes = labelCodes[l]!;
      // A label means the same group only under the same parent chain; keying on the suffix
      // keeps "Other" under two different parents apart.
      const key = row.slice(l).join('\u0000');
      let code = codes.get(key);
      if (code === undefined) {
        code = codes.size;
        codes.set(key, code);
      }
      map[l]![i] = code;
    }
  });
  const labels = labelCodes.map((codes) => [...codes.keys()].map((k) => k.split('\u0000')[0]!));
  const leaves = map.map((m, l) => {
    const counts = new Int32Array(labels[l]!.length);
    for (const c of m) counts[c]!++;
    return counts;
  });
  return { attribute, values, labels, map, leaves };
}

/** Parses a hierarchy file in ARX's CSV format (`;`-separated unless told otherwise). */
export function parseHierarchyCsv(
  attribute: string,
  text: string,
  source: string,
  delimiter = ';',
): Hierarchy {
  const rows = text
    .split(/\r?\n/)
    .filter((line) => line.length > 0)
    .map((line) => line.split(delimiter));
  return hierarchyFromRows(attribute, rows, source);
}
