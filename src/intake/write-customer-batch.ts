import type { Kysely } from 'kysely';
import type { IntakeDeps } from './intake-deps.ts';
import { HogoError } from '../errors/index.ts';
import {
  insertCustomersBatch,
  type CreatedCustomer,
  type PreparedCustomer,
  takenExternalIds,
} from '../registry/index.ts';
import type { Principal } from '../security/index.ts';
import { joinTransaction } from '../store/index.ts';

/** What one batch wrote. */
export interface BatchResult {
  /** The customers written, in the order given (duplicates and existing ones left out). */
  readonly created: readonly CreatedCustomer[];
  /** Customers not written: their external ID was taken, or came earlier in the batch. */
  readonly skipped: number;
}

/** A batch of customers, and what else its transaction must hold. */
export interface CustomerBatch {
  readonly customers: readonly PreparedCustomer[];
  /** The audit verb of the batch entry ('import.batch'); its detail holds counts only. */
  readonly action: string;
  readonly detail: Readonly<Record<string, number | string>>;
  /**
   * Runs in the batch's transaction after the customers are written (a checkpoint, demo
   * consents). `ctx` is the caller's context joined to that transaction.
   */
  readonly also?: (
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    tx: Kysely<any>,
    ctx: IntakeDeps,
    result: BatchResult,
  ) => Promise<void>;
}

/** Conflicts retried: another writer may take an external ID between our check and insert. */
const ATTEMPTS = 3;

/**
 * Writes a batch through the registry's batch path (`insertCustomersBatch`: encrypted, one
 * 'registry.batchCreate' audit entry naming every customer) in ONE transaction with the batch's own audit entry and `also`.
 * Idempotent by external ID: customers whose ID is taken are skipped, never updated.
 */
export async function writeCustomerBatch(
  ctx: IntakeDeps,
  principal: Principal,
  batch: CustomerBatch,
): Promise<BatchResult> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await ctx.store.db.transaction().execute(async (tx) => {
        const fresh = await freshCustomers(tx, ctx, batch.customers);
        const joined: IntakeDeps = { ...ctx, store: { ...ctx.store, db: joinTransaction(tx) } };
        // One 'registry.batchCreate' entry naming every customer, not one entry per customer.
        const created = await insertCustomersBatch(joined, principal, fresh, {
          action: 'customer.import',
          audit: 'batch',
        });
        const result = { created, skipped: batch.customers.length - fresh.length };
        await batch.also?.(tx, joined, result);
        await ctx.audit.append(tx, [
          {
            actor: principal.id,
            action: batch.action,
            detail: { ...batch.detail, imported: created.length, skipped: result.skipped },
          },
        ]);
        return result;
      });
    } catch (e) {
      if (attempt < ATTEMPTS && e instanceof HogoError && e.code === 'registry.conflict') continue;
      throw e;
    }
  }
}

async function freshCustomers(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  tx: Kysely<any>,
  ctx: IntakeDeps,
  customers: readonly PreparedCustomer[],
): Promise<PreparedCustomer[]> {
  const ids = customers.flatMap((c) => (c.externalId === null ? [] : [c.externalId]));
  const seen = await takenExternalIds(tx, ctx.keys, ids, ctx.store.capabilities.maxParameters);
  return customers.filter((c) => {
    if (c.externalId === null) return true;
    if (seen.has(c.externalId)) return false;
    seen.add(c.externalId);
    return true;
  });
}
