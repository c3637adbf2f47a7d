import { createHash } from 'node:crypto';
import { open, stat } from 'node:fs/promises';
import { unreadable } from './intake-errors.ts';

const HEAD_BYTES = 64 * 1024;

/**
 * What identifies an import file for its checkpoint: SHA-256 of its size and first 64 KiB. A file
 * changed or grown since gets a new key, so a stale checkpoint is never applied to it (and the
 * import starts over, skipping the customers already registered).
 */
export async function fileKey(path: string): Promise<string> {
  try {
    const { size } = await stat(path);
    const handle = await open(path, 'r');
    try {
      const head = Buffer.alloc(Math.min(HEAD_BYTES, size));
      await handle.read(head, 0, head.length, 0);
      return createHash('sha256').update(`${size}\n`).update(head).digest('hex');
    } finally {
      await handle.close();
    }
  } catch (e) {
    throw unreadable(path, e);
  }
}
