import { isUtf8 } from 'node:buffer';
import type { FieldProblem } from '../registry/index.ts';
import { IMPORT_COLUMN_NAMES, type ImportRow } from './import-columns.ts';
import { notUtf8 } from './intake-errors.ts';
import { fileChunks } from './open-file-stream.ts';
import { rowProblem, type ReadOptions, type RowPosition, type SourceRow } from './source-row.ts';

const DEFAULT_MAX_ROW_BYTES = 1024 * 1024;
const LF = 0x0a;
const KNOWN = new Set(IMPORT_COLUMN_NAMES);
const UNKNOWN_KEY = 'has a key that is not a column of the import format';

/**
 * The rows of an NDJSON import file: one JSON object per line with the import columns as keys
 * (strings; `transferredFromDocomo` may be a boolean). Blank lines are skipped. A line that is
 * not such an object is yielded with its problem; one that is not UTF-8 throws
 * 'intake.encoding'. Streamed from the start or from a checkpoint.
 */
export async function* readNdjsonRows(
  path: string,
  options: ReadOptions = {},
): AsyncGenerator<SourceRow> {
  const max = options.maxRowBytes ?? DEFAULT_MAX_ROW_BYTES;
  let offset = options.from?.offset ?? 0;
  let line = options.from?.line ?? 1;
  let parts: Buffer[] = [];
  let length = 0;
  let tooLarge = false;
  for await (const chunk of fileChunks(path, offset)) {
    let start = 0;
    // A byte-order mark is not JSON; editors on Windows write one anyway.
    if (offset === 0 && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) start = 3;
    const chunkOffset = offset;
    offset += chunk.length;
    for (;;) {
      const lf = chunk.indexOf(LF, start);
      const end = lf === -1 ? chunk.length : lf;
      if (!tooLarge) {
        if (length + end - start > max) {
          tooLarge = true;
          parts = [];
        } else parts.push(chunk.subarray(start, end));
        length += end - start;
      }
      if (lf === -1) break;
      const at = { line, endOffset: chunkOffset + lf + 1, endLine: line + 1 };
      const row = lineRow(at, parts, tooLarge, max);
      if (row !== undefined) yield row;
      line++;
      parts = [];
      length = 0;
      tooLarge = false;
      start = lf + 1;
    }
  }
  const last = lineRow({ line, endOffset: offset, endLine: line }, parts, tooLarge, max);
  if (last !== undefined) yield last;
}

function lineRow(
  at: RowPosition,
  parts: readonly Buffer[],
  tooLarge: boolean,
  max: number,
): SourceRow | undefined {
  if (tooLarge) return { ...at, problems: [rowProblem(`the line is longer than ${max} bytes`)] };
  const bytes = parts.length === 1 ? parts[0]! : Buffer.concat(parts);
  if (!isUtf8(bytes)) throw notUtf8(at.line);
  const text = bytes.toString('utf8').trim();
  if (text === '') return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ...at, problems: [rowProblem('is not valid JSON')] };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ...at, problems: [rowProblem('must be a JSON object')] };
  }
  const problems: FieldProblem[] = [];
  const row: Record<string, string> = {};
  for (const [key, v] of Object.entries(value)) {
    if (!KNOWN.has(key)) {
      // The key is not echoed: it may be a value in a file written wrongly.
      if (!problems.some((p) => p.field === 'row')) problems.push(rowProblem(UNKNOWN_KEY));
    } else if (typeof v === 'string') row[key] = v;
    else if (typeof v === 'boolean' && key === 'transferredFromDocomo') row[key] = String(v);
    else if (v !== null) problems.push({ field: key, reason: 'must be a string' });
  }
  return problems.length > 0 ? { ...at, problems } : { ...at, row: row as ImportRow };
}
