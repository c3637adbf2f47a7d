import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvParser, type CsvRecord } from './csv-parser.ts';
import { formatCsvRow } from './format-csv-row.ts';

/** Parses bytes fed in chunks of the given sizes (cycled), as a stream would deliver them. */
function parse(
  bytes: Uint8Array,
  chunkSizes: readonly number[] = [bytes.length || 1],
  options = {},
) {
  const parser = new CsvParser(options);
  const out: CsvRecord[] = [];
  let at = 0;
  for (let k = 0; at < bytes.length; k++) {
    const size = Math.max(1, chunkSizes[k % chunkSizes.length]!);
    out.push(...parser.push(bytes.subarray(at, at + size)));
    at += size;
  }
  out.push(...parser.end());
  return out;
}

const utf8 = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));
const fieldsOf = (records: CsvRecord[]) =>
  records.map((r) => ('fields' in r ? r.fields : r.problem));

describe('CsvParser', () => {
  it('reads quoted fields holding commas, doubled quotes and line breaks (RFC 4180 §2.5–2.7)', () => {
    const text = 'a,b,c\r\n"x, y","say ""hi""","two\r\nlines"\r\nlast,,\r\n';
    const records = parse(utf8(text));
    expect(fieldsOf(records)).toEqual([
      ['a', 'b', 'c'],
      ['x, y', 'say "hi"', 'two\r\nlines'],
      ['last', '', ''],
    ]);
    expect(records.map((r) => r.line)).toEqual([1, 2, 4]);
    expect(records.map((r) => r.endOffset)).toEqual([7, 41, 49]);
  });

  it('accepts LF line ends, a final record without a line end, and skips blank lines', () => {
    const records = parse(utf8('h1,h2\n\n1,2\n\r\n3,4'));
    expect(fieldsOf(records)).toEqual([
      ['h1', 'h2'],
      ['1', '2'],
      ['3', '4'],
    ]);
    expect(records.map((r) => r.line)).toEqual([1, 3, 5]);
  });

  it('skips a UTF-8 byte-order mark at the start only', () => {
    const records = parse(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('名前,メール\r\n山田,x\r\n')]));
    expect(fieldsOf(records)).toEqual([
      ['名前', 'メール'],
      ['山田', 'x'],
    ]);
  });

  it('reports Shift_JIS bytes as an encoding problem on their line, and reads on', () => {
    // 山田 in Shift_JIS: 8E 52 93 63 — valid bytes, not UTF-8.
    const sjis = new Uint8Array([
      ...utf8('id,name\r\n1,'),
      0x8e,
      0x52,
      0x93,
      0x63,
      ...utf8('\r\n2,ok\r\n'),
    ]);
    const records = parse(sjis);
    expect(records[1]).toEqual({
      line: 2,
      endOffset: 17,
      endLine: 3,
      problem: { kind: 'encoding' },
    });
    expect(fieldsOf(records)[2]).toEqual(['2', 'ok']);
  });

  it('reports bad quoting and an unterminated quote, naming the record’s first line', () => {
    const records = parse(utf8('a"b,c\n"x"y,z\nok,1\n"open,\nmore\n'));
    expect(records.map((r) => [r.line, 'problem' in r ? r.problem.kind : r.fields])).toEqual([
      [1, 'bad_quote'],
      [2, 'bad_quote'],
      [3, ['ok', '1']],
      [4, 'unterminated_quote'],
    ]);
  });

  it('skips a 10 MB field as too large without keeping it, and reads the next record', () => {
    const big = Buffer.alloc(10 * 1024 * 1024, 0x61);
    const bytes = Buffer.concat([Buffer.from('1,'), big, Buffer.from('\n2,ok\n')]);
    const records = parse(bytes, [65_536]);
    expect(records[0]).toMatchObject({ line: 1, problem: { kind: 'too_large' } });
    expect(fieldsOf(records)[1]).toEqual(['2', 'ok']);
  });

  it('refuses a record with more fields than the limit', () => {
    const records = parse(utf8(`${','.repeat(20)}\nok\n`), undefined, { maxFields: 10 });
    expect(records[0]).toMatchObject({ problem: { kind: 'too_many_fields' } });
    expect(fieldsOf(records)[1]).toEqual(['ok']);
  });

  const table = fc.array(
    fc.array(
      fc.string({ unit: 'binary', maxLength: 12 }).filter((s) => !/\p{Cs}/u.test(s)),
      { minLength: 1, maxLength: 5 },
    ),
    { maxLength: 8 },
  );
  const chunks = fc.array(fc.integer({ min: 1, max: 17 }), { minLength: 1, maxLength: 5 });

  it('reads back any table of strings written as RFC 4180 CSV, however the bytes are chunked', () => {
    fc.assert(
      fc.property(table, chunks, (rows, sizes) => {
        const bytes = utf8(rows.map(formatCsvRow).join(''));
        expect(fieldsOf(parse(bytes, sizes))).toEqual(rows);
      }),
    );
  });

  it('resumed at any record’s end offset and line, reads the same records that follow', () => {
    fc.assert(
      fc.property(table, fc.nat(), (rows, pick) => {
        const bytes = utf8(rows.map(formatCsvRow).join(''));
        const all = parse(bytes);
        if (all.length === 0) return;
        const k = pick % all.length;
        const from = all[k]!;
        const text = Buffer.from(bytes.subarray(0, from.endOffset)).toString();
        expect(from.endLine).toBe(1 + (text.match(/\r\n|\r|\n/g) ?? []).length);
        const rest = parse(bytes.subarray(from.endOffset), undefined, {
          startOffset: from.endOffset,
          startLine: from.endLine,
        });
        expect(rest).toEqual(all.slice(k + 1));
      }),
    );
  });

  it('never throws on random bytes: every record ends further on, within the input', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), chunks, (bytes, sizes) => {
        const records = parse(bytes, sizes, { maxRecordBytes: 64, maxFields: 8 });
        let last = 0;
        for (const r of records) {
          expect(r.endOffset).toBeGreaterThan(last);
          last = r.endOffset;
        }
        expect(last).toBeLessThanOrEqual(bytes.length);
      }),
    );
  });
});
