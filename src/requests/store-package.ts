import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { RequestDeps } from './request-deps.ts';
import type { DisclosurePackage } from './fulfil-disclosure.ts';
import type { ProvisionRecordsPackage } from './fulfil-provision-records.ts';
import { requestsDb } from './request-tables.ts';

/** A package a request delivers: a disclosure, or the records of provision. */
export type RequestPackage = DisclosurePackage | ProvisionRecordsPackage;

/**
 * Keeps the package as delivered, inside the fulfilment's transaction, sealed under the
 * customer's data key (context `package:<requestId>`): the customer downloads what was
 * decided, and erasing the customer's key erases it too.
 */
export async function storePackage(
  ctx: RequestDeps,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  tx: Kysely<any>,
  pkg: RequestPackage,
): Promise<void> {
  const json = JSON.stringify(pkg);
  const cipher = (await ctx.keys.ciphersFor(tx, [pkg.customerId])).get(pkg.customerId)!;
  await requestsDb(tx)
    .insertInto('request_packages')
    .values({
      request_id: pkg.requestId,
      customer_id: pkg.customerId,
      format: pkg.format,
      body_sealed: cipher.encrypt(json, `package:${pkg.requestId}`),
      sha256: createHash('sha256').update(json).digest('hex'),
      created_at: ctx.clock(),
    })
    .execute();
}
