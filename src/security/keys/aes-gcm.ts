import { createCipheriv, createDecipheriv, type KeyObject } from 'node:crypto';
import { fillRandom } from './random-pool.ts';

const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * AES-256-GCM with a random 12-byte IV; returns iv ‖ tag ‖ ciphertext, after `reserve` bytes
 * left for the caller's header (zeroed), so a format byte costs no second buffer. The IV comes
 * from the CSPRNG pool (`random-pool.ts`), each one fresh; GCM output is as long as its input,
 * so the result is written into one buffer sized up front.
 */
export function seal(
  key: KeyObject | Buffer,
  plaintext: Uint8Array,
  aad: Uint8Array,
  reserve = 0,
): Buffer {
  const at = reserve + IV_BYTES + TAG_BYTES;
  const out = Buffer.allocUnsafe(at + plaintext.length);
  if (reserve > 0) out.fill(0, 0, reserve);
  fillRandom(out, reserve, IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, out.subarray(reserve, reserve + IV_BYTES));
  cipher.setAAD(aad);
  const body = cipher.update(plaintext);
  const rest = cipher.final();
  body.copy(out, at);
  rest.copy(out, at + body.length);
  cipher.getAuthTag().copy(out, reserve + IV_BYTES);
  return out;
}

/** Opens what `seal` made; throws when the key, the additional data or a byte is wrong. */
export function open(key: KeyObject | Buffer, sealed: Uint8Array, aad: Uint8Array): Buffer {
  if (sealed.length < IV_BYTES + TAG_BYTES) throw new Error('sealed value too short');
  const bytes = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
  const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, IV_BYTES));
  decipher.setAAD(aad);
  decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
}
