import type { ImportRow } from './import-columns.ts';
import { checkHeader } from './check-header.ts';
import { CsvParser, type CsvProblem, type CsvRecord } from './csv/csv-parser.ts';
import { invalidHeader, notUtf8 } from './intake-errors.ts';
import { fileChunks } from './open-file-stream.ts';
import { rowProblem, type ReadOptions, type SourceRow } from './source-row.ts';

const DEFAULT_MAX_ROW_BYTES = 1024 * 1024;

/**
 * The rows of a CSV import file (RFC 4180, UTF-8 with or without a byte-order mark, a header
 * row naming the columns), streamed from the start or from a checkpoint. A row that cannot be
 * read is yielded with its problem; a file that is not UTF-8 throws 'intake.encoding' naming
 * the line; a bad header throws 'intake.invalid_header'.
 */
export async function* readCsvRows(
  path: string,
  options: ReadOptions = {},
): AsyncGenerator<SourceRow> {
  const maxRecordBytes = options.maxRowBytes ?? DEFAULT_MAX_ROW_BYTES;
  const header = await readHeader(path, maxRecordBytes);
  const from =
    options.from !== undefined && options.from.offset > header.endOffset
      ? options.from
      : { offset: header.endOffset, line: header.endLine };
  const parser = new CsvParser({ startOffset: from.offset, startLine: from.line, maxRecordBytes });
  for await (const chunk of fileChunks(path, from.offset)) {
    for (const record of parser.push(chunk)) yield toRow(record, header.columns);
  }
  for (const record of parser.end()) {
    yield toRow(record, header.columns);
    if ('problem' in record && record.problem.kind === 'unterminated_quote') {
      // The rows the open quote swallowed are named by line: none of them was read.
      for (let line = record.line + 1; line <= record.problem.lastLine; line++)
        yield {
          line,
          endOffset: record.endOffset,
          endLine: record.endLine,
          problems: [
            rowProblem(`not read: inside the quoted field left open on line ${record.line}`),
          ],
        };
    }
  }
}

async function readHeader(path: string, maxRecordBytes: number) {
  const parser = new CsvParser({ maxRecordBytes });
  let first: CsvRecord | undefined;
  for await (const chunk of fileChunks(path)) {
    first = parser.push(chunk)[0];
    if (first !== undefined) break;
  }
  first ??= parser.end()[0];
  if (first === undefined) throw invalidHeader('is missing: the file is empty');
  if ('problem' in first) {
    if (first.problem.kind === 'encoding') throw notUtf8(first.line);
    throw invalidHeader(`cannot be read: ${reasonOf(first.problem)}`);
  }
  return { columns: checkHeader(first.fields), endOffset: first.endOffset, endLine: first.endLine };
}

function toRow(record: CsvRecord, columns: readonly string[]): SourceRow {
  const at = { line: record.line, endOffset: record.endOffset, endLine: record.endLine };
  if ('problem' in record) {
    if (record.problem.kind === 'encoding') throw notUtf8(record.line);
    return { ...at, problems: [rowProblem(reasonOf(record.problem))] };
  }
  const { fields } = record;
  if (fields.length !== columns.length) {
    // A shifted row would put values under the wrong columns (a phone number as a name).
    return {
      ...at,
      problems: [rowProblem(`has ${fields.length} fields, the header has ${columns.length}`)],
    };
  }
  const row: Record<string, string> = {};
  for (let i = 0; i < columns.length; i++) row[columns[i]!] = fields[i]!;
  return { ...at, row: row as ImportRow };
}

function reasonOf(problem: CsvProblem): string {
  switch (problem.kind) {
    case 'bad_quote':
      return 'bad quoting: a quote inside an unquoted field, or text after a closing quote';
    case 'unterminated_quote':
      return `a quoted field is not closed before the end of the file (line ${problem.lastLine}), which was read into it`;
    case 'too_large':
      return `the row is larger than ${problem.limit} bytes`;
    case 'too_many_fields':
      return `the row has more than ${problem.limit} fields`;
    case 'encoding':
      return 'not valid UTF-8';
  }
}
