import type { FieldProblem } from '../registry/index.ts';
import type { ImportRow } from './import-columns.ts';

/**
 * Where a row is: `line` where it starts; `endOffset` the byte offset just after it, where a
 * resumed import starts reading, and `endLine` the line there.
 */
export interface RowPosition {
  readonly line: number;
  readonly endOffset: number;
  readonly endLine: number;
}

/** One row of an import file as read, or why it could not be read. */
export type SourceRow =
  | (RowPosition & { readonly row: ImportRow })
  | (RowPosition & { readonly problems: readonly FieldProblem[] });

/** Where to start reading a file: at its beginning, or where a checkpoint left off. */
export interface ReadFrom {
  readonly offset: number;
  readonly line: number;
}

/** Options every reader takes. */
export interface ReadOptions {
  /** Resume here (a checkpoint); default: the first row. */
  readonly from?: ReadFrom;
  /** Most bytes one row may hold; default 1 MiB. */
  readonly maxRowBytes?: number;
}

/** A reader of one format: rows of a file, from a point. */
export type RowReader = (path: string, options?: ReadOptions) => AsyncGenerator<SourceRow>;

/** The problem of a row that could not be read at all (field `row`). */
export const rowProblem = (reason: string): FieldProblem => ({ field: 'row', reason });
