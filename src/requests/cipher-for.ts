import type { Kysely } from 'kysely';
import type { RequestDeps } from './request-deps.ts';
import { HogoError } from '../errors/index.ts';
import type { CustomerCipher } from '../security/index.ts';

/**
 * The customer's cipher within `tx`, or null when their data key was shredded
 * (REQUEST.DELETION): nothing of theirs can be sealed or opened any more.
 */
export async function cipherFor(
  ctx: Pick<RequestDeps, 'keys'>,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  tx: Kysely<any>,
  customerId: string,
): Promise<CustomerCipher | null> {
  try {
    return (await ctx.keys.ciphersFor(tx, [customerId])).get(customerId) ?? null;
  } catch (e) {
    if (e instanceof HogoError && e.code === 'keys.shredded') return null;
    throw e;
  }
}
