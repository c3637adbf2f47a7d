import type { Localized } from '../policy/index.ts';
import { authorize, type Principal } from '../security/index.ts';
import type { GovernanceDeps } from './governance-deps.ts';
import { governanceDb } from './governance-tables.ts';
import { addMonths, dayIn } from './japan-date.ts';

/** One department's place on a checklist's schedule (SECURITY.3). */
export interface ScheduledInspection {
  readonly checklistId: string;
  readonly clause: string;
  readonly title: Localized;
  readonly department: string;
  /** The day the current inspection is due (YYYY-MM-DD, policy time zone). */
  readonly dueOn: string;
  /** Passed in Japan time with the inspection not closed. */
  readonly overdue: boolean;
  /** The inspection started for this due day, if any. */
  readonly openInspectionId: string | null;
  /** The due day of the last closed inspection; null before the first. */
  readonly lastClosedDueOn: string | null;
  /** Follow-ups of this department's inspections still open, and how many are past due. */
  readonly openFollowUps: number;
  readonly overdueFollowUps: number;
}

/**
 * SECURITY.3: every checklist × department with the inspection now due — the first due day of
 * the policy file, then `everyMonths` after the due day of the last closed one — overdue first,
 * then by due day. Needs 'audit.read'.
 */
export async function inspectionSchedule(
  ctx: GovernanceDeps,
  principal: Principal,
): Promise<ScheduledInspection[]> {
  authorize(principal, 'audit.read');
  const checklists = ctx.policy.document.inspections?.checklists ?? [];
  const db = governanceDb(ctx.store.db);
  const rows = await db
    .selectFrom('inspections')
    .select(['id', 'checklist_id', 'department', 'due_on', 'state'])
    .execute();
  const followUps = await db
    .selectFrom('inspection_follow_ups')
    .innerJoin('inspections', 'inspections.id', 'inspection_follow_ups.inspection_id')
    .select([
      'inspections.checklist_id as checklist_id',
      'inspections.department as department',
      'inspection_follow_ups.due_on as due_on',
    ])
    .where('inspection_follow_ups.state', '=', 'open')
    .execute();
  const today = dayIn(ctx.policy.offset, ctx.clock());
  const list: ScheduledInspection[] = [];
  for (const c of checklists) {
    for (const department of c.departments) {
      const mine = rows.filter((r) => r.checklist_id === c.id && r.department === department);
      const lastClosed = mine
        .filter((r) => r.state === 'closed')
        .map((r) => r.due_on)
        .sort()
        .at(-1);
      const dueOn = lastClosed === undefined ? c.firstDue : addMonths(lastClosed, c.everyMonths);
      const open = mine.find((r) => r.state === 'open');
      const ups = followUps.filter((f) => f.checklist_id === c.id && f.department === department);
      list.push({
        checklistId: c.id,
        clause: c.clause,
        title: c.title,
        department,
        dueOn,
        overdue: today > dueOn,
        openInspectionId: open?.id ?? null,
        lastClosedDueOn: lastClosed ?? null,
        openFollowUps: ups.length,
        overdueFollowUps: ups.filter((f) => today > f.due_on).length,
      });
    }
  }
  return list.sort(
    (a, b) => Number(b.overdue) - Number(a.overdue) || a.dueOn.localeCompare(b.dueOn),
  );
}
