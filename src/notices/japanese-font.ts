import { existsSync } from 'node:fs';
import { HogoError } from '../errors/index.ts';

/** Where Debian's fonts-ipafont-gothic (and its usual kin) put a Japanese TrueType font. */
const CANDIDATES = [
  '/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf',
  '/usr/share/fonts/truetype/ipafont-gothic/ipag.ttf',
  '/usr/share/fonts/opentype/ipafont-mincho/ipam.ttf',
  '/usr/share/fonts/truetype/fonts-japanese-gothic.ttf',
];

/**
 * The path of a Japanese font for letters on paper, found at run time (`HOGO_PDF_FONT` first);
 * 'notices.font_missing' naming the package to install when there is none: a letter printed
 * without one would lose its Japanese text (APPI Art. 33(1), the disclosure must be legible).
 */
export function japaneseFont(env: NodeJS.ProcessEnv = process.env): string {
  const own = env.HOGO_PDF_FONT;
  if (own !== undefined && own !== '') {
    if (existsSync(own)) return own;
    throw new HogoError('notices.font_missing', `HOGO_PDF_FONT names no file: ${own}`, {
      field: 'HOGO_PDF_FONT',
    });
  }
  const found = CANDIDATES.find((p) => existsSync(p));
  if (found === undefined)
    throw new HogoError(
      'notices.font_missing',
      'no Japanese font for printed letters: install the Debian package fonts-ipafont-gothic (apt-get install fonts-ipafont-gothic) or set HOGO_PDF_FONT to a .ttf file',
      { field: 'font' },
    );
  return found;
}
