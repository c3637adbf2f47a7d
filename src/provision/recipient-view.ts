import type { ProvisionTables } from './provision-tables.ts';
import { diligenceStanding, type DiligenceStanding } from './diligence-standing.ts';
import { diligenceView, type DiligenceView } from './diligence-view.ts';
import { DILIGENCE_KINDS, type RecipientKind } from './recipient-kind.ts';

export { diligenceView, type DiligenceView };

type RecipientRow = ProvisionTables['provision_recipients'];
type DiligenceRow = ProvisionTables['recipient_diligence'];

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
  /** Where its diligence stands now, as a provision would be decided (PROVIDE.DUE_DILIGENCE). */
  readonly diligenceStatus: DiligenceStanding;
}

/**
 * The view of a recipient row with its verifications, oldest first (verifiedAt, then id): the
 * latest one (or `shown`, the one just recorded), and where the diligence stands at `now`.
 */
export function recipientView(
  row: RecipientRow,
  history: readonly DiligenceRow[],
  now: number,
  shown: DiligenceRow | undefined = history.at(-1),
): RecipientView {
  const required = DILIGENCE_KINDS.has(row.kind as RecipientKind);
  const views = history.map(diligenceView);
  return {
    id: row.id,
    kind: row.kind as RecipientKind,
    legalName: row.legal_name,
    address: row.address,
    representative: row.representative,
    country: row.country,
    protectionRegime: row.protection_regime,
    recordByContract: row.record_by_contract === 1,
    diligenceRequired: required,
    diligence: shown === undefined ? null : diligenceView(shown),
    diligenceStatus: diligenceStanding(required, views, now),
  };
}
