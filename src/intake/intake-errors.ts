import { HogoError } from '../errors/index.ts';

/** 'intake.encoding': the file is not UTF-8 at this line (Shift_JIS, most often). */
export function notUtf8(line: number): HogoError {
  return new HogoError(
    'intake.encoding',
    `line ${line} is not valid UTF-8; hogo reads UTF-8 files only (from Shift_JIS: iconv -f SHIFT_JIS -t UTF-8 FILE)`,
    { line },
  );
}

/** 'intake.unreadable': the file cannot be opened or read; the OS reason, not the content. */
export function unreadable(path: string, cause: unknown): HogoError {
  const code = (cause as { code?: string }).code ?? 'error';
  return new HogoError('intake.unreadable', `cannot read ${path} (${code})`);
}

/** 'intake.invalid_header': the header row is not one hogo can import by. */
export function invalidHeader(reason: string): HogoError {
  return new HogoError(
    'intake.invalid_header',
    `the header row ${reason} (see docs/import-format.md)`,
  );
}
