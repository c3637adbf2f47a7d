import type { Kysely, Transaction } from 'kysely';

/**
 * The transaction `tx` seen as a database whose `transaction().execute(fn)` runs `fn` in `tx`
 * itself. A use case that opens its own transaction (the registry's `insertCustomersBatch`)
 * then joins the caller's, so a batch, its checkpoint and its audit entry commit together —
 * a crash leaves all of them or none.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function joinTransaction(tx: Transaction<any>): Kysely<any> {
  const joined = {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    execute: <T>(fn: (t: Transaction<any>) => Promise<T>): Promise<T> => fn(tx),
  };
  return new Proxy(tx, {
    get(target, property) {
      if (property === 'transaction') return () => joined;
      const value: unknown = Reflect.get(target, property, target);
      // Kysely keeps its state in private fields: methods must run on the real object.
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
