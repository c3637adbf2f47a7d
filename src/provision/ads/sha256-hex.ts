import * as crypto from 'node:crypto';

// crypto.hash (Node ≥ 20.12) hashes a short string in one call, several times faster than a
// Hash object; older Node versions take the Hash object.
const oneShot = (crypto as { hash?: (algorithm: string, data: string, encoding: 'hex') => string })
  .hash;

/** SHA-256 of the UTF-8 string, lowercase hex (unsalted, as every platform matches on it). */
export const sha256Hex: (value: string) => string =
  oneShot !== undefined
    ? (value) => oneShot('sha256', value, 'hex')
    : (value) => crypto.createHash('sha256').update(value, 'utf8').digest('hex');
