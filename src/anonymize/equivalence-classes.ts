import type { EncodedTable } from './encoded-table.ts';
import { classMeetsSensitive, type PrivacyModel } from './privacy-model.ts';

/** The classes of one generalization: which class each tuple is in, and which classes stay. */
export interface Classes {
  readonly count: number;
  readonly tupleClass: Int32Array;
  readonly size: Int32Array;
  /** 1 when the class meets the model; rows of other classes are suppressed. */
  readonly kept: Uint8Array;
  readonly suppressedRows: number;
}

/**
 * Groups the tuples of `table` generalized to `levels` into equivalence classes, with an
 * open-addressing table over numeric keys (a Map costs several times more per tuple).
 */
export function classesAt(
  table: EncodedTable,
  levels: readonly number[],
  model: PrivacyModel,
): Classes {
  const T = table.tupleCount.length;
  const attrs = table.hierarchies.length;
  const keys = new Float64Array(T);
  let stride = 1;
  for (let a = 0; a < attrs; a++) {
    const h = table.hierarchies[a]!;
    const map = h.map[levels[a]!]!;
    const codes = table.tupleCodes[a]!;
    for (let t = 0; t < T; t++) keys[t]! += map[codes[t]!]! * stride;
    stride *= h.labels[levels[a]!]!.length;
  }
  let cap = 16;
  while (cap < T * 2) cap <<= 1;
  const mask = cap - 1;
  const slotKey = new Float64Array(cap);
  const slotClass = new Int32Array(cap).fill(-1);
  const tupleClass = new Int32Array(T);
  const sizes: number[] = [];
  for (let t = 0; t < T; t++) {
    const key = keys[t]!;
    let h = (Math.imul(key | 0, 0x9e3779b1) ^ Math.imul((key / 4294967296) | 0, 0x85ebca6b)) & mask;
    for (;;) {
      const c = slotClass[h]!;
      if (c === -1) {
        slotKey[h] = key;
        slotClass[h] = sizes.length;
        tupleClass[t] = sizes.length;
        sizes.push(table.tupleCount[t]!);
        break;
      }
      if (slotKey[h] === key) {
        tupleClass[t] = c;
        sizes[c]! += table.tupleCount[t]!;
        break;
      }
      h = (h + 1) & mask;
    }
  }
  const size = Int32Array.from(sizes);
  const kept = new Uint8Array(size.length);
  for (let c = 0; c < size.length; c++) kept[c] = size[c]! >= model.k ? 1 : 0;
  if (table.sensitive && (model.lDiversity || model.tCloseness)) {
    checkSensitive(table, tupleClass, size, kept, model);
  }
  let suppressedRows = 0;
  for (let c = 0; c < size.length; c++) if (!kept[c]) suppressedRows += size[c]!;
  return { count: size.length, tupleClass, size, kept, suppressedRows };
}

function checkSensitive(
  table: EncodedTable,
  tupleClass: Int32Array,
  size: Int32Array,
  kept: Uint8Array,
  model: PrivacyModel,
): void {
  const sens = table.sensitive!;
  const perClass = Array.from({ length: size.length }, () => new Map<number, number>());
  for (let t = 0; t < tupleClass.length; t++) {
    const m = perClass[tupleClass[t]!]!;
    const s = sens.codes[t]!;
    m.set(s, (m.get(s) ?? 0) + table.tupleCount[t]!);
  }
  for (let c = 0; c < size.length; c++) {
    if (kept[c] && !classMeetsSensitive(model, perClass[c]!, size[c]!, sens.global)) kept[c] = 0;
  }
}
