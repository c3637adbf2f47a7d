import { createHash } from 'node:crypto';
import type { RequestDeps } from './request-deps.ts';
import { recordsForCustomerPackage, type ProvisionRecordView } from '../provision/index.ts';
import type { WithholdingStatement } from '../policy/index.ts';
import type { Principal } from '../security/index.ts';
import type { CustomerRequest } from './customer-request.ts';

/** What a disclosure of provision records delivers (REQUEST.PROVISION_RECORDS, APPI Art. 33(5)). */
export interface ProvisionRecordsPackage {
  readonly format: 'hogo/provision-records@1';
  readonly requestId: string;
  readonly customerId: string;
  readonly generatedAt: string;
  readonly deliveryMethod: 'electronic' | 'paper' | null;
  /** Every record of provision of the customer still kept, newest first (Art. 29, Rule 20). */
  readonly records: readonly ProvisionRecordView[];
  /** PROVIDE.AUTHORITY: which records the policy file keeps out of this package, and why. */
  readonly withheldRecords: readonly WithholdingStatement[];
}

/**
 * Builds the package of provision records from the Art. 29 ledger: each record with the
 * recipient's name, address, representative and country, the items' categories and the
 * clause. The ledger read is audited by the provision slice. Needs 'provision.read'.
 */
export async function fulfilProvisionRecords(
  ctx: RequestDeps,
  principal: Principal,
  request: CustomerRequest,
): Promise<{
  readonly package: ProvisionRecordsPackage;
  readonly summary: Record<string, unknown>;
}> {
  const { records, withheld } = await recordsForCustomerPackage(ctx, principal, request.customerId);
  const pkg: ProvisionRecordsPackage = {
    format: 'hogo/provision-records@1',
    requestId: request.id,
    customerId: request.customerId,
    generatedAt: new Date(ctx.clock()).toISOString(),
    deliveryMethod: request.deliveryMethod,
    records,
    withheldRecords: withheld,
  };
  const sha256 = createHash('sha256').update(JSON.stringify(pkg)).digest('hex');
  return { package: pkg, summary: { records: records.length, sha256 } };
}
