import type { ReportItems } from './report-items.ts';

/** Which report: to the PPC (APPI Art. 26) or the Minister of MIC (TBA Art. 28). */
export type ReportTrack = 'ppc' | 'tba';
/** The preliminary report, then the final (PPC Rules Art. 8(1) and (2)). */
export type ReportStage = 'preliminary' | 'final';

/** One filing of a report: a version kept as filed, with who filed it and when. */
export interface ReportFiling {
  readonly id: string;
  readonly incidentId: string;
  readonly track: ReportTrack;
  readonly stage: ReportStage;
  readonly version: number;
  readonly filedBy: string;
  readonly filedAt: string;
}

/** A filing with its text. */
export interface ReportVersion extends ReportFiling {
  readonly items: ReportItems;
}
