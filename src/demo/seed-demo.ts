import type { DemoDeps } from './demo-deps.ts';
import { prepareRow, writeCustomerBatch } from '../intake/index.ts';
import {
  recordConsent,
  recordOptOut,
  recordSuspension,
  type PreparedCustomer,
} from '../registry/index.ts';
import type { Principal } from '../security/index.ts';
import { demoCustomer, type DemoCustomer } from './demo-customer.ts';

/** Options of `seedDemo`. */
export interface SeedDemoOptions {
  readonly customers: number;
  readonly seed: number;
  /** Customers per transaction; default 2,000. */
  readonly batchSize?: number;
  readonly onProgress?: (done: number) => void;
}

/** What seeding wrote. */
export interface DemoSummary {
  readonly imported: number;
  readonly skipped: number;
  readonly consents: number;
  readonly optOuts: number;
  readonly suspensions: number;
}

/**
 * Registers `customers` demo customers of `seed` (see demoCustomer) through the import's own
 * path — the same rows, `prepareRow` and batch writer — with their consents, opt-outs and
 * suspensions recorded through the registry's use cases in the same transaction. Deterministic
 * and idempotent: a rerun with the same seed skips the customers already registered.
 */
export async function seedDemo(
  ctx: DemoDeps,
  principal: Principal,
  options: SeedDemoOptions,
): Promise<DemoSummary> {
  const size = options.batchSize ?? 2_000;
  const total = { imported: 0, skipped: 0, consents: 0, optOuts: 0, suspensions: 0 };
  for (let start = 0; start < options.customers; start += size) {
    const count = Math.min(size, options.customers - start);
    const demo = new Map<string, DemoCustomer>();
    const prepared: PreparedCustomer[] = [];
    for (let n = start; n < start + count; n++) {
      const d = demoCustomer(options.seed, n);
      const row = prepareRow(ctx.policy, d.row, ctx.clock());
      // Generated data that the registry refuses is a bug of the generator, not bad input.
      if (!row.ok)
        throw new Error(`demo customer ${n} is invalid: ${JSON.stringify(row.problems)}`);
      prepared.push(row.customer);
      demo.set(row.customer.externalId!, d);
    }
    const result = await writeCustomerBatch(ctx, principal, {
      customers: prepared,
      action: 'demo.batch',
      detail: { seed: options.seed, from: start, rows: count },
      also: async (_tx, joined, written) => {
        for (const c of written.created) {
          const d = demo.get(c.externalId!)!;
          const customerId = c.id;
          if (d.consent !== undefined) {
            await recordConsent(joined, principal, { customerId, consent: d.consent });
            total.consents++;
          }
          if (d.optOut !== undefined) {
            await recordOptOut(joined, principal, { customerId, optOut: d.optOut });
            total.optOuts++;
          }
          if (d.suspension !== undefined) {
            await recordSuspension(joined, principal, { customerId, suspension: d.suspension });
            total.suspensions++;
          }
        }
      },
    });
    total.imported += result.created.length;
    total.skipped += result.skipped;
    options.onProgress?.(start + count);
  }
  return total;
}
