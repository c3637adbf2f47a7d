import { randomBytes } from 'node:crypto';

/**
 * Replaces linking codes by random tokens (PPC Rule 34(3): linking codes removed or replaced so
 * that they cannot be restored). Tokens come from the CSPRNG, not from a hash or key, so nothing
 * can recompute them; the mapping lives only in this closure and dies with the job — it is never
 * written anywhere.
 */
export function linkTokenizer(): (code: string) => string {
  const tokens = new Map<string, string>();
  const issued = new Set<string>();
  return (code) => {
    let token = tokens.get(code);
    if (token === undefined) {
      do token = randomBytes(12).toString('base64url');
      while (issued.has(token));
      issued.add(token);
      tokens.set(code, token);
    }
    return token;
  };
}
