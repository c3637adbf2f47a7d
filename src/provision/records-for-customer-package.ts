import type { ProvisionDeps } from './provision-deps.ts';
import {
  withholdingOf,
  withholdingStatements,
  type WithholdingStatement,
} from '../policy/index.ts';
import type { Principal } from '../security/index.ts';
import type { ProvisionRecordView } from './provision-record-view.ts';
import { provisionRecordsFor } from './provision-records-for.ts';

/** The records of provision a customer's package carries, and what it says it left out. */
export interface CustomerPackageRecords {
  readonly records: readonly ProvisionRecordView[];
  /** Every withholding of the policy file, stated whether or not it withheld a record. */
  readonly withheld: readonly WithholdingStatement[];
}

/**
 * REQUEST.DISCLOSURE, REQUEST.PROVISION_RECORDS: the customer's records of provision without
 * those the policy file withholds (legalObligations.withheld: provisions required by law whose
 * disclosure could hinder an investigation, APPI Art. 33(5) with Cabinet Order Art. 11), and
 * the statements of what is withheld and why. Staff still see every record
 * (`provisionRecordsFor`); the read is audited there. Needs 'provision.read'.
 */
export async function recordsForCustomerPackage(
  ctx: ProvisionDeps,
  principal: Principal,
  customerId: string,
): Promise<CustomerPackageRecords> {
  const all = await provisionRecordsFor(ctx, principal, customerId);
  const records = all.filter(
    (r) =>
      withholdingOf(ctx.policy, {
        clause: r.clause,
        recipientKind: r.recipient.kind,
        legalGround: r.legalGround,
      }) === undefined,
  );
  return { records, withheld: withholdingStatements(ctx.policy) };
}
