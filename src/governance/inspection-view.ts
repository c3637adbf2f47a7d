import { HogoError } from '../errors/index.ts';
import type { Localized } from '../policy/index.ts';
import { authorize, type Principal } from '../security/index.ts';
import type { GovernanceDeps } from './governance-deps.ts';
import { governanceDb } from './governance-tables.ts';
import { dayIn } from './japan-date.ts';
import { requireChecklist } from './start-inspection.ts';

/** A follow-up of a finding, with its owner and due day (SECURITY.3). */
export interface FollowUpView {
  readonly id: string;
  readonly questionId: string;
  readonly action: string;
  readonly owner: string;
  readonly dueOn: string;
  readonly state: 'open' | 'closed';
  /** Open past its due day (Japan time). */
  readonly overdue: boolean;
}

/** One inspection with every question of its checklist and the answer given, if any. */
export interface InspectionView {
  readonly id: string;
  readonly checklistId: string;
  readonly title: Localized;
  readonly department: string;
  readonly dueOn: string;
  readonly state: 'open' | 'closed';
  readonly overdue: boolean;
  readonly startedBy: string;
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
  readonly followUps: readonly FollowUpView[];
}

/** SECURITY.3: an inspection's answers and follow-ups. Needs 'audit.read'. */
export async function inspectionView(
  ctx: GovernanceDeps,
  principal: Principal,
  id: string,
): Promise<InspectionView> {
  authorize(principal, 'audit.read');
  const db = governanceDb(ctx.store.db);
  const row = await db
    .selectFrom('inspections')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (row === undefined) {
    throw new HogoError('inspection.not_found', `no inspection ${id}`, { field: 'id' });
  }
  const checklist = requireChecklist(ctx, row.checklist_id);
  const answers = await db
    .selectFrom('inspection_answers')
    .selectAll()
    .where('inspection_id', '=', id)
    .execute();
  const followUps = await db
    .selectFrom('inspection_follow_ups')
    .selectAll()
    .where('inspection_id', '=', id)
    .orderBy('due_on')
    .orderBy('id')
    .execute();
  const today = dayIn(ctx.policy.offset, ctx.clock());
  return {
    id: row.id,
    checklistId: checklist.id,
    title: checklist.title,
    department: row.department,
    dueOn: row.due_on,
    state: row.state as 'open' | 'closed',
    overdue: row.state === 'open' && today > row.due_on,
    startedBy: row.started_by,
    questions: checklist.questions.map((q) => {
      const a = answers.find((x) => x.question_id === q.id);
      return {
        id: q.id,
        clause: q.clause,
        text: q.text,
        answer: a
          ? {
              result: a.result as 'ok' | 'finding' | 'na',
              finding: a.finding,
              answeredBy: a.answered_by,
            }
          : null,
      };
    }),
    followUps: followUps.map((f) => ({
      id: f.id,
      questionId: f.question_id,
      action: f.action,
      owner: f.owner,
      dueOn: f.due_on,
      state: f.state as 'open' | 'closed',
      overdue: f.state === 'open' && today > f.due_on,
    })),
  };
}
