import { HogoError } from '../errors/index.ts';
import type { Hierarchy } from './hierarchy.ts';

/**
 * The quasi-identifiers of a table coded through their hierarchies and folded into distinct
 * tuples with counts: the search works on tuples, never on rows, so its cost follows the number
 * of distinct combinations rather than the table's length.
 */
export interface EncodedTable {
  readonly rows: number;
  readonly hierarchies: readonly Hierarchy[];
  /** Per attribute, the level-0 code of each distinct tuple. */
  readonly tupleCodes: readonly Int32Array[];
  readonly tupleCount: Int32Array;
  /** The distinct tuple of each row. */
  readonly rowTuple: Int32Array;
  /** Sensitive value code per tuple, and the table's distribution of them (when modelled). */
  readonly sensitive?: { readonly codes: Int32Array; readonly global: Float64Array };
}

/**
 * Codes `columns[a][row]` through `hierarchies[a]`. A value the hierarchy lacks is an error
 * naming the attribute, the value and its row.
 */
export function encodeTable(
  columns: readonly (readonly string[])[],
  hierarchies: readonly Hierarchy[],
  sensitiveColumn?: readonly string[],
): EncodedTable {
  const rows = columns[0]?.length ?? sensitiveColumn?.length ?? 0;
  const attrs = hierarchies.length;
  const codes = hierarchies.map((h, a) => {
    const col = columns[a]!;
    const out = new Int32Array(rows);
    for (let r = 0; r < rows; r++) {
      const c = h.values.get(col[r]!);
      if (c === undefined) {
        throw new HogoError(
          'anonymize.hierarchy_missing_value',
          `row ${r + 1}, field ${h.attribute}: value "${col[r]}" is not in its hierarchy`,
          { row: r + 1, field: h.attribute, value: col[r] },
        );
      }
      out[r] = c;
    }
    return out;
  });
  const sensDict = new Map<string, number>();
  const sensCodes = new Int32Array(sensitiveColumn ? rows : 0);
  if (sensitiveColumn) {
    for (let r = 0; r < rows; r++) {
      const v = sensitiveColumn[r]!;
      let c = sensDict.get(v);
      if (c === undefined) sensDict.set(v, (c = sensDict.size));
      sensCodes[r] = c;
    }
  }
  const index = new Map<string, number>();
  const rowTuple = new Int32Array(rows);
  const firstRow: number[] = [];
  const counts: number[] = [];
  for (let r = 0; r < rows; r++) {
    let key = sensitiveColumn ? String(sensCodes[r]) : '';
    for (let a = 0; a < attrs; a++) key += ',' + codes[a]![r];
    let t = index.get(key);
    if (t === undefined) {
      index.set(key, (t = firstRow.length));
      firstRow.push(r);
      counts.push(0);
    }
    counts[t]!++;
    rowTuple[r] = t;
  }
  const tupleCodes = codes.map((col) => Int32Array.from(firstRow, (r) => col[r]!));
  const table: EncodedTable = {
    rows,
    hierarchies,
    tupleCodes,
    tupleCount: Int32Array.from(counts),
    rowTuple,
  };
  if (!sensitiveColumn) return table;
  const global = new Float64Array(sensDict.size);
  for (const c of sensCodes) global[c]! += 1 / rows;
  return {
    ...table,
    sensitive: { codes: Int32Array.from(firstRow, (r) => sensCodes[r]!), global },
  };
}
