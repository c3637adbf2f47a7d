import type { ProvisionTables } from './provision-tables.ts';

type DiligenceRow = ProvisionTables['recipient_diligence'];

/** One verification of a recipient (PROVIDE.DUE_DILIGENCE). */
export interface DiligenceView {
  readonly id: string;
  readonly agreementReference: string;
  readonly measures: readonly string[];
  readonly verifiedAt: string;
  readonly expiresAt: string;
  readonly verifiedBy: string;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** The view of a diligence row. */
export function diligenceView(row: DiligenceRow): DiligenceView {
  return {
    id: row.id,
    agreementReference: row.agreement_reference,
    measures: JSON.parse(row.measures) as string[],
    verifiedAt: iso(row.verified_at),
    expiresAt: iso(row.expires_at),
    verifiedBy: row.verified_by,
  };
}
