import { randomFillSync } from 'node:crypto';

/**
 * Cryptographically secure random bytes, drawn from a 64 KiB pool refilled with
 * `randomFillSync` when used up. Each byte of the pool is handed out once, so a draw is as
 * unpredictable as `randomBytes(n)`; only the cost of the call into OpenSSL (about a
 * microsecond, ~20% of the bulk import's CPU when paid per IV and per id) is shared by many
 * draws. Node runs this module's JavaScript on one thread and never forks a running process,
 * so no two callers (or processes) can see the same bytes.
 */
const POOL_BYTES = 64 * 1024;
const pool = Buffer.allocUnsafeSlow(POOL_BYTES);
let offset = POOL_BYTES;

/** Copies `n` fresh random bytes into `target` at `at` (n ≤ 64 KiB). */
export function fillRandom(target: Uint8Array, at: number, n: number): void {
  if (n > POOL_BYTES) {
    randomFillSync(target, at, n);
    return;
  }
  if (offset + n > POOL_BYTES) {
    randomFillSync(pool);
    offset = 0;
  }
  // Byte by byte: for the 10–32 bytes of an id, IV or key this beats Buffer#copy and #fill,
  // whose call overhead showed in profiles. Wiped once handed out: key material must not
  // linger in the pool.
  for (let i = 0; i < n; i++) {
    target[at + i] = pool[offset + i]!;
    pool[offset + i] = 0;
  }
  offset += n;
}

/** `n` fresh random bytes in a buffer of their own. */
export function randomPooled(n: number): Buffer {
  const out = Buffer.allocUnsafe(n);
  fillRandom(out, 0, n);
  return out;
}
