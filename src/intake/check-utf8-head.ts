import { isUtf8 } from 'node:buffer';
import { open } from 'node:fs/promises';
import { notUtf8, unreadable } from './intake-errors.ts';

const HEAD_BYTES = 1024 * 1024;
const LF = 0x0a;

/**
 * Refuses a file whose first MiB is not UTF-8 ('intake.encoding', naming the first bad line)
 * before any row is written: a Shift_JIS export is refused whole rather than after a batch.
 * Later lines are still checked one by one as they are read.
 */
export async function checkUtf8Head(path: string): Promise<void> {
  let head: Buffer;
  try {
    const handle = await open(path, 'r');
    try {
      head = Buffer.alloc(HEAD_BYTES);
      const { bytesRead } = await handle.read(head, 0, HEAD_BYTES, 0);
      head = head.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch (e) {
    throw unreadable(path, e);
  }
  // The last line may be cut inside a character when the file is longer: leave it out.
  const complete = head.length < HEAD_BYTES ? head.length : head.lastIndexOf(LF) + 1;
  if (isUtf8(head.subarray(0, complete))) return;
  let line = 1;
  for (let start = 0; start < complete; line++) {
    const lf = head.indexOf(LF, start);
    const end = lf === -1 || lf >= complete ? complete : lf + 1;
    if (!isUtf8(head.subarray(start, end))) throw notUtf8(line);
    start = end;
  }
}
