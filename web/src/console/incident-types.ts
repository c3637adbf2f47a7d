/** What the incidents API answers, as the console reads it (src/incidents views). */
export type IncidentStatus = 'overdue' | 'dueSoon' | 'onTime' | 'none';

export interface IncidentDeadline {
  readonly track: 'ppc' | 'tba';
  readonly stage: 'preliminary' | 'final';
  readonly due: string;
  readonly metAt: string | null;
}

export interface Incident {
  readonly id: string;
  readonly knownOn: string;
  readonly persons: number;
  readonly categories: readonly string[];
  readonly duties: {
    readonly reportable: boolean;
    readonly clauses: readonly string[];
    readonly preliminaryDue: string | null;
    readonly finalDue: string | null;
    readonly telecom: { readonly clause: string; readonly finalDue: string } | null;
  };
  readonly status: IncidentStatus;
  readonly deadlines: readonly IncidentDeadline[];
  readonly filings: readonly {
    readonly id: string;
    readonly track: 'ppc' | 'tba';
    readonly stage: 'preliminary' | 'final';
    readonly version: number;
    readonly filedBy: string;
    readonly filedAt: string;
  }[];
  readonly createdAt: string;
}

export interface ReportForm {
  readonly track: 'ppc' | 'tba';
  readonly nextStage: 'preliminary' | 'final';
  readonly items: Readonly<Record<string, string>>;
  readonly versions: readonly {
    readonly version: number;
    readonly stage: string;
    readonly filedBy: string;
    readonly filedAt: string;
  }[];
}

export interface Violation {
  readonly id: string;
  readonly anonymous: boolean;
  readonly reportedBy: string | null;
  readonly summary: string;
  readonly status: 'open' | 'incident' | 'closed';
  readonly incidentId: string | null;
  readonly closeReason: string | null;
  readonly createdAt: string;
}

/** The nine items of PPC Rules Art. 8(1), in the form's order, with their labels. */
export const REPORT_ITEM_LABELS: readonly (readonly [string, string])[] = [
  ['outline', 'Outline'],
  ['dataKinds', 'Items of personal data'],
  ['persons', 'Number of persons'],
  ['cause', 'Cause'],
  ['secondaryDamage', 'Secondary damage'],
  ['responseToPersons', 'Response to the persons'],
  ['publication', 'Publication'],
  ['recurrencePrevention', 'Recurrence prevention'],
  ['other', 'Other'],
];

export const STATUS_LABEL: Record<IncidentStatus, string> = {
  overdue: 'Overdue',
  dueSoon: 'Due soon',
  onTime: 'On time',
  none: 'No report due',
};
