import { createHash } from 'node:crypto';

/** SHA-256 of the UTF-8 string, lowercase hex (unsalted, as every platform matches on it). */
export function sha256Hex(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}
