import { isUtf8 } from 'node:buffer';

/** Why a record could not be read; the record's bytes are never kept in a problem. */
export type CsvProblem =
  | { readonly kind: 'bad_quote' }
  /** `lastLine`: the file's last line with content, all of it read into the open quote. */
  | { readonly kind: 'unterminated_quote'; readonly lastLine: number }
  | { readonly kind: 'too_large'; readonly limit: number }
  | { readonly kind: 'too_many_fields'; readonly limit: number }
  | { readonly kind: 'encoding' };

/** Where a record is: the line it starts on, and where the next one starts. */
export interface CsvPosition {
  /** The physical line the record starts on (1-based). */
  readonly line: number;
  /** The byte offset just after its terminator, where reading resumes. */
  readonly endOffset: number;
  /** The line the byte at `endOffset` is on. */
  readonly endLine: number;
}

/** One record, or why it could not be read. */
export type CsvRecord =
  (CsvPosition & { readonly fields: string[] }) | (CsvPosition & { readonly problem: CsvProblem });

/** Options of `CsvParser`. */
export interface CsvParserOptions {
  /** Byte offset of the first byte pushed (when resuming in the middle of a file). */
  readonly startOffset?: number;
  /** Line number of the first byte pushed. */
  readonly startLine?: number;
  /** Most bytes one record may hold; a longer one is skipped and reported. Default 1 MiB. */
  readonly maxRecordBytes?: number;
  /** Most fields one record may hold. Default 1,000. */
  readonly maxFields?: number;
}

const QUOTE = 0x22;
const COMMA = 0x2c;
const CR = 0x0d;
const LF = 0x0a;

const enum State {
  RecordStart,
  FieldStart,
  Unquoted,
  Quoted,
  QuoteInQuoted,
}

/**
 * An RFC 4180 CSV parser over bytes, fed chunk by chunk, so a file of any size is read in
 * constant memory. It works on bytes, not characters: the separators are ASCII and never occur
 * inside a UTF-8 (or Shift_JIS) multi-byte sequence, so each field is decoded once, whole, and a
 * field that is not UTF-8 is reported instead of turning into U+FFFD. It never throws on its
 * input: what it cannot read becomes a record with a `problem`.
 *
 * Accepted beyond the RFC: LF or lone CR line ends, and a UTF-8 byte-order mark at offset 0.
 * Blank lines (no byte at all) are skipped. A quote inside an unquoted field, or text after a
 * closing quote, is a `bad_quote`.
 */
export class CsvParser {
  private state = State.RecordStart;
  private offset: number;
  private line: number;
  private recordLine: number;
  private field: Uint8Array = new Uint8Array(256);
  private fieldLength = 0;
  private fields: string[] = [];
  private recordBytes = 0;
  private problem: CsvProblem | undefined;
  /** The previous byte was a CR that ended a line: a following LF belongs to it. */
  private afterCr = false;
  private readonly maxRecordBytes: number;
  private readonly maxFields: number;
  private out: CsvRecord[] = [];
  /** A record ended by a CR: held until the next byte shows whether an LF belongs to it. */
  private pending:
    | { line: number; endOffset: number; endLine: number; fields?: string[]; problem?: CsvProblem }
    | undefined;

  constructor(options: CsvParserOptions = {}) {
    this.offset = options.startOffset ?? 0;
    this.line = options.startLine ?? 1;
    this.recordLine = this.line;
    this.maxRecordBytes = options.maxRecordBytes ?? 1024 * 1024;
    this.maxFields = options.maxFields ?? 1000;
  }

  /** Feeds the next bytes; returns the records they completed. */
  push(chunk: Uint8Array): CsvRecord[] {
    let i = 0;
    // RFC 4180 has no byte-order mark, but spreadsheets write one: skip it at offset 0 only.
    if (this.offset === 0 && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) {
      i = 3;
      this.offset = 3;
    }
    const n = chunk.length;
    while (i < n) {
      // Runs of ordinary bytes inside a field are copied at once; only separators, quotes and
      // line ends go through the state machine byte by byte.
      const state = this.state;
      if (!this.afterCr && (state === State.Unquoted || state === State.Quoted)) {
        let j = i;
        if (state === State.Unquoted) {
          for (; j < n; j++) {
            const b = chunk[j]!;
            if (b === COMMA || b === CR || b === LF || b === QUOTE) break;
          }
        } else {
          for (; j < n; j++) {
            const b = chunk[j]!;
            if (b === QUOTE || b === CR || b === LF) break;
          }
        }
        if (j > i) {
          this.appendRun(chunk, i, j);
          i = j;
          continue;
        }
      }
      this.step(chunk[i++]!);
    }
    return this.take();
  }

  /** Ends the input; returns the last record, if the input did not end with a line end. */
  end(): CsvRecord[] {
    this.flushPending();
    if (this.state === State.Quoted) {
      // The quote ran to the end: its last line is the one before a final line end.
      const last = this.fieldLength > 0 ? this.field[this.fieldLength - 1] : undefined;
      const lastLine = last === LF || last === CR ? this.line - 1 : this.line;
      this.problem = { kind: 'unterminated_quote', lastLine };
      this.endRecord();
    } else if (this.state !== State.RecordStart) {
      this.endField();
      this.endRecord();
    }
    return this.take();
  }

  private flushPending(): void {
    if (this.pending === undefined) return;
    this.out.push(this.pending as CsvRecord);
    this.pending = undefined;
  }

  private take(): CsvRecord[] {
    const out = this.out;
    this.out = [];
    return out;
  }

  private step(b: number): void {
    this.offset++;
    if (this.afterCr) {
      this.afterCr = false;
      // The LF of a CRLF: the line was counted at the CR, and the record ends after the LF, so
      // that reading resumed at its end offset starts on the next line.
      if (b === LF && this.state === State.RecordStart) {
        if (this.pending !== undefined) this.pending.endOffset = this.offset;
        this.flushPending();
        return;
      }
      this.flushPending();
      if (b === LF && this.state === State.Quoted) {
        this.append(b);
        return;
      }
    }
    switch (this.state) {
      case State.RecordStart:
        if (b === CR || b === LF) {
          this.newLine(b);
          this.recordLine = this.line;
          return;
        }
        this.recordLine = this.line;
        this.state = State.FieldStart;
        this.fieldStart(b);
        return;
      case State.FieldStart:
        this.fieldStart(b);
        return;
      case State.Unquoted:
        if (b === COMMA) this.endField();
        else if (b === CR || b === LF) this.lineEnd(b);
        else {
          if (b === QUOTE) this.fail({ kind: 'bad_quote' });
          this.append(b);
        }
        return;
      case State.Quoted:
        if (b === QUOTE) this.state = State.QuoteInQuoted;
        else {
          if (b === CR || b === LF) this.newLine(b);
          this.append(b);
        }
        return;
      case State.QuoteInQuoted:
        if (b === QUOTE) {
          // RFC 4180 §2.7: a doubled quote inside a quoted field is one quote.
          this.append(b);
          this.state = State.Quoted;
        } else if (b === COMMA) this.endField();
        else if (b === CR || b === LF) this.lineEnd(b);
        else {
          this.fail({ kind: 'bad_quote' });
          this.append(b);
          this.state = State.Unquoted;
        }
        return;
    }
  }

  private fieldStart(b: number): void {
    if (b === QUOTE) this.state = State.Quoted;
    else if (b === COMMA) {
      this.state = State.FieldStart;
      this.endField();
    } else if (b === CR || b === LF) this.lineEnd(b);
    else {
      this.state = State.Unquoted;
      this.append(b);
    }
  }

  private newLine(b: number): void {
    this.line++;
    if (b === CR) this.afterCr = true;
  }

  private lineEnd(b: number): void {
    this.newLine(b);
    this.endField();
    this.endRecord();
  }

  private append(b: number): void {
    this.recordBytes++;
    if (this.problem !== undefined) return;
    if (this.recordBytes > this.maxRecordBytes) {
      this.fail({ kind: 'too_large', limit: this.maxRecordBytes });
      return;
    }
    if (this.fieldLength === this.field.length) {
      const grown = new Uint8Array(Math.min(this.field.length * 2, this.maxRecordBytes + 1));
      grown.set(this.field);
      this.field = grown;
    }
    this.field[this.fieldLength++] = b;
  }

  private appendRun(chunk: Uint8Array, from: number, to: number): void {
    const length = to - from;
    this.offset += length;
    this.recordBytes += length;
    if (this.problem !== undefined) return;
    if (this.recordBytes > this.maxRecordBytes) {
      this.fail({ kind: 'too_large', limit: this.maxRecordBytes });
      return;
    }
    if (this.fieldLength + length > this.field.length) {
      let size = this.field.length * 2;
      while (size < this.fieldLength + length) size *= 2;
      const grown = new Uint8Array(Math.min(size, this.maxRecordBytes + 1));
      grown.set(this.field.subarray(0, this.fieldLength));
      this.field = grown;
    }
    this.field.set(chunk.subarray(from, to), this.fieldLength);
    this.fieldLength += length;
  }

  private fail(problem: CsvProblem): void {
    if (this.problem === undefined) this.problem = problem;
    this.fields = [];
    this.fieldLength = 0;
  }

  private endField(): void {
    this.state = State.FieldStart;
    if (this.problem !== undefined) return;
    if (this.fields.length >= this.maxFields) {
      this.fail({ kind: 'too_many_fields', limit: this.maxFields });
      return;
    }
    const bytes = Buffer.from(this.field.buffer, 0, this.fieldLength);
    this.fieldLength = 0;
    const text = bytes.toString('utf8');
    // Decoding turns a byte that is not UTF-8 into U+FFFD; only then is the check worth making
    // (the field may hold a genuine U+FFFD).
    if (text.includes('\uFFFD') && !isUtf8(bytes)) {
      this.fail({ kind: 'encoding' });
      return;
    }
    this.fields.push(text);
  }

  private endRecord(): void {
    const base = { line: this.recordLine, endOffset: this.offset, endLine: this.line };
    const record =
      this.problem === undefined
        ? { ...base, fields: this.fields }
        : { ...base, problem: this.problem };
    if (this.afterCr) this.pending = record;
    else this.out.push(record);
    this.state = State.RecordStart;
    this.fields = [];
    this.fieldLength = 0;
    this.recordBytes = 0;
    this.problem = undefined;
    this.recordLine = this.line;
    // A field buffer grown for one large record is not kept for the rest of the file.
    if (this.field.length > 64 * 1024) this.field = new Uint8Array(256);
  }
}
