import PDFDocument from 'pdfkit';

/** One letter on paper: the postal address, the subject and the body, in the customer's words. */
export interface PrintedLetter {
  readonly noticeId: string;
  readonly to: string;
  readonly subject: string;
  readonly body: string;
  /** Pages printed after the letter, e.g. a disclosure's package asked for on paper. */
  readonly enclosure?: string;
}

/**
 * The letters as one A4 PDF for the mail house, each starting on its own page with the address
 * block on top (for a window envelope) and its notice ID in the footer, in the Japanese font
 * `fontPath` (japanese-font.ts). Built in memory, never written to disk: it holds personal values.
 */
export async function lettersPdf(
  letters: readonly PrintedLetter[],
  fontPath: string,
): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 56, autoFirstPage: false });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('jp', fontPath);
  for (const letter of letters) {
    doc.addPage();
    doc.font('jp').fontSize(11).text(letter.to, { width: 260 });
    doc.moveDown(3);
    doc.fontSize(14).text(letter.subject);
    doc.moveDown();
    doc.fontSize(10.5).text(letter.body, { lineGap: 3 });
    // The footer names the notice, so that a returned letter can be matched to the outbox.
    doc.fontSize(7).text(letter.noticeId, 56, doc.page.height - 40, { lineBreak: false });
    if (letter.enclosure !== undefined) {
      doc.addPage();
      doc.fontSize(10).text(letter.enclosure, 56, 56, { lineGap: 2 });
    }
  }
  doc.end();
  return done;
}
