import type { Kysely } from 'kysely';
import { type KeyService, can, inScope, type Principal } from '../security/index.ts';

/** Decrypts the values a principal may read, and remembers which it did (for the audit). */
export interface ValueReader {
  /** The plaintext when the principal may read this category, else undefined. */
  read(category: string, ciphertext: Uint8Array, context: string): string | undefined;
  /** The contexts actually decrypted, in order. */
  readonly decrypted: readonly string[];
}

/**
 * A reader for one customer's values: SECURITY.6, only with 'registry.readValues' and only
 * for categories in the principal's scope; without either, no key is even loaded.
 */
export async function valueReader(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  db: Kysely<any>,
  keys: KeyService,
  principal: Principal,
  customerId: string,
  wanted: boolean,
): Promise<ValueReader> {
  const decrypted: string[] = [];
  // SECURITY.4: values asked for while a gate withholds them are refused, saying why (a lapsed
  // training), not silently left out as for a role that never reads values.
  const withheld = wanted ? principal.withheld?.get('registry.readValues') : undefined;
  if (withheld !== undefined) throw withheld;
  const allowed = wanted && can(principal, 'registry.readValues');
  const cipher = allowed ? (await keys.ciphersFor(db, [customerId])).get(customerId) : undefined;
  return {
    decrypted,
    read(category, ciphertext, context) {
      if (cipher === undefined || !inScope(principal, category)) return undefined;
      const value = cipher.decrypt(ciphertext, context);
      decrypted.push(context);
      return value;
    },
  };
}
