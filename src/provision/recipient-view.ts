import type { ProvisionTables } from './provision-tables.ts';
import { DILIGENCE_KINDS, type RecipientKind } from './recipient-kind.ts';

type RecipientRow = ProvisionTables['provision_recipients'];
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

/** A recipient as the wire shows it, with its latest diligence. */
export interface RecipientView {
  readonly id: string;
  readonly kind: RecipientKind;
  readonly legalName: string;
  readonly address: string | null;
  readonly representative: string | null;
  readonly country: string;
  readonly protectionRegime: string | null;
  readonly recordByContract: boolean;
  /** PROVIDE.DUE_DILIGENCE: provision needs a verification in force (subcontractors, collectors). */
  readonly diligenceRequired: boolean;
  readonly diligence: DiligenceView | null;
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

/** The view of a recipient row with its latest diligence row, if any. */
export function recipientView(
  row: RecipientRow,
  diligence: DiligenceRow | undefined,
): RecipientView {
  return {
    id: row.id,
    kind: row.kind as RecipientKind,
    legalName: row.legal_name,
    address: row.address,
    representative: row.representative,
    country: row.country,
    protectionRegime: row.protection_regime,
    recordByContract: row.record_by_contract === 1,
    diligenceRequired: DILIGENCE_KINDS.has(row.kind as RecipientKind),
    diligence: diligence === undefined ? null : diligenceView(diligence),
  };
}
