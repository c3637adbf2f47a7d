import type { Localized } from '../shared/types.ts';

/** One department's place on a checklist's schedule, as GET /v1/inspections lists it. */
export interface ScheduledInspection {
  readonly checklistId: string;
  readonly clause: string;
  readonly title: Localized;
  readonly department: string;
  readonly dueOn: string;
  readonly overdue: boolean;
  readonly openInspectionId: string | null;
  readonly lastClosedDueOn: string | null;
  readonly openFollowUps: number;
  readonly overdueFollowUps: number;
}

/** An inspection as GET /v1/inspections/:id shows it (SECURITY.3). */
export interface Inspection {
  readonly id: string;
  readonly checklistId: string;
  readonly title: Localized;
  readonly department: string;
  readonly dueOn: string;
  readonly state: 'open' | 'closed';
  readonly overdue: boolean;
  readonly questions: readonly {
    readonly id: string;
    readonly clause: string;
    readonly text: Localized;
    readonly answer: {
      readonly result: 'ok' | 'finding' | 'na';
      readonly finding: string | null;
      readonly answeredBy: string;
    } | null;
  }[];
  readonly followUps: readonly {
    readonly id: string;
    readonly questionId: string;
    readonly action: string;
    readonly owner: string;
    readonly dueOn: string;
    readonly state: 'open' | 'closed';
    readonly overdue: boolean;
  }[];
}
