import { HogoError } from '../errors/index.ts';
import { newId } from '../registry/index.ts';
import { authorize, type Principal } from '../security/index.ts';
import type { GovernanceDeps } from './governance-deps.ts';
import { governanceDb } from './governance-tables.ts';
import { openInspection } from './open-inspection.ts';

/** One answer: 'finding' needs what was found; a follow-up is what will be done about it. */
export interface InspectionAnswerInput {
  readonly questionId: string;
  readonly result: 'ok' | 'finding' | 'na';
  readonly finding?: string;
  readonly followUps?: readonly {
    readonly action: string;
    readonly owner: string;
    readonly dueOn: string;
  }[];
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * SECURITY.3: answers questions of an open inspection (an answer given again replaces the
 * earlier one); each follow-up gets an owner and a due day. A question the checklist does not
 * ask is refused, naming it. Needs 'inspections.manage'.
 */
export async function answerInspection(
  ctx: GovernanceDeps,
  principal: Principal,
  inspectionId: string,
  answers: readonly InspectionAnswerInput[],
): Promise<{ readonly followUpIds: readonly string[] }> {
  authorize(principal, 'inspections.manage');
  const now = ctx.clock();
  return ctx.store.db.transaction().execute(async (tx) => {
    const { checklist } = await openInspection(ctx, tx, inspectionId);
    const questions = new Set(checklist.questions.map((q) => q.id));
    answers.forEach((a, i) => {
      if (!questions.has(a.questionId)) {
        throw new HogoError(
          'inspection.unknown_question',
          `checklist ${checklist.id} has no question ${a.questionId}`,
          { field: `answers[${i}].questionId`, questionId: a.questionId },
        );
      }
      if (a.result === 'finding' && !a.finding?.trim()) {
        throw new HogoError('inspection.invalid', 'a finding says what was found', {
          field: `answers[${i}].finding`,
        });
      }
      (a.followUps ?? []).forEach((f, j) => {
        if (!DAY.test(f.dueOn) || Number.isNaN(Date.parse(f.dueOn))) {
          throw new HogoError('inspection.invalid', 'dueOn is a day, YYYY-MM-DD', {
            field: `answers[${i}].followUps[${j}].dueOn`,
          });
        }
        if (!f.action.trim() || !f.owner.trim()) {
          throw new HogoError('inspection.invalid', 'a follow-up has an action and an owner', {
            field: `answers[${i}].followUps[${j}]`,
          });
        }
      });
    });
    const db = governanceDb(tx);
    const followUpIds: string[] = [];
    for (const a of answers) {
      await db
        .deleteFrom('inspection_answers')
        .where('inspection_id', '=', inspectionId)
        .where('question_id', '=', a.questionId)
        .execute();
      await db
        .insertInto('inspection_answers')
        .values({
          inspection_id: inspectionId,
          question_id: a.questionId,
          result: a.result,
          finding: a.finding?.trim() || null,
          answered_by: principal.id,
          answered_at: now,
        })
        .execute();
      for (const f of a.followUps ?? []) {
        const id = newId(now);
        followUpIds.push(id);
        await db
          .insertInto('inspection_follow_ups')
          .values({
            id,
            inspection_id: inspectionId,
            question_id: a.questionId,
            action: f.action.trim(),
            owner: f.owner.trim(),
            due_on: f.dueOn,
            state: 'open',
            created_by: principal.id,
            created_at: now,
            closed_by: null,
            closed_at: null,
          })
          .execute();
      }
    }
    const clauses = checklist.questions
      .filter((q) => answers.some((a) => a.questionId === q.id))
      .map((q) => q.clause);
    await ctx.audit.append(tx, [
      {
        actor: principal.id,
        action: 'inspection.answer',
        clauses: [...new Set([checklist.clause, ...clauses])],
        detail: {
          inspectionId,
          answers: answers.map((a) => ({ questionId: a.questionId, result: a.result })),
          followUpIds,
        },
      },
    ]);
    return { followUpIds };
  });
}
