const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One RFC 4180 record with its CRLF: a field is quoted when it holds a comma, a quote or a line
 * break (quotes doubled, §2.6–2.7), and a record of one empty field is written `""` so that it is
 * not read back as a blank line.
 */
export function formatCsvRow(fields: readonly string[]): string {
  if (fields.length === 1 && fields[0] === '') return '""\r\n';
  let out = '';
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i]!;
    if (i > 0) out += ',';
    out += NEEDS_QUOTES.test(f) ? `"${f.replace(/"/g, '""')}"` : f;
  }
  return `${out}\r\n`;
}
