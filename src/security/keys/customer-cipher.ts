import type { KeyObject } from 'node:crypto';
import { HogoError } from '../../errors/index.ts';
import { open, seal } from './aes-gcm.ts';
import type { CustomerCipher } from './key-service.ts';

/** First byte of every value ciphertext: the format, so a later format can be told apart. */
const FORMAT_V1 = 0x01;

/** AES-256-GCM under one customer's data key: version byte ‖ iv ‖ tag ‖ ciphertext. */
export function customerCipher(dataKey: KeyObject): CustomerCipher {
  return {
    encrypt(plaintext, context) {
      // One byte reserved in front of the sealed value for the format: one buffer per value.
      const out = seal(dataKey, Buffer.from(plaintext, 'utf8'), Buffer.from(context, 'utf8'), 1);
      out[0] = FORMAT_V1;
      return out;
    },
    decrypt(ciphertext, context) {
      try {
        if (ciphertext[0] !== FORMAT_V1) throw new Error('unknown format');
        return open(dataKey, ciphertext.subarray(1), Buffer.from(context, 'utf8')).toString('utf8');
      } catch {
        // No detail: what failed (key, context or bytes) must not help an attacker.
        throw new HogoError('keys.decrypt_failed', 'the value cannot be decrypted in this context');
      }
    },
  };
}
