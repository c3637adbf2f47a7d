import { HogoError } from '../errors/index.ts';
import { newId } from '../registry/index.ts';
import { authorize, listUsers, type Principal } from '../security/index.ts';
import type { GovernanceDeps } from './governance-deps.ts';
import { governanceDb } from './governance-tables.ts';
import { dayIn } from './japan-date.ts';

/** SECURITY.4: records that a staff user completed a course on a day. Needs 'users.manage'. */
export async function recordTraining(
  ctx: GovernanceDeps,
  principal: Principal,
  input: { readonly userId: string; readonly courseId: string; readonly completedOn: string },
): Promise<{ readonly id: string }> {
  authorize(principal, 'users.manage');
  const courses = ctx.policy.document.training?.courses ?? [];
  if (!courses.some((c) => c.id === input.courseId)) {
    throw new HogoError('training.unknown_course', `no course ${input.courseId} in the policy`, {
      field: 'courseId',
    });
  }
  if (!(await listUsers(ctx)).some((u) => u.id === input.userId)) {
    throw new HogoError('training.unknown_user', `no staff user ${input.userId}`, {
      field: 'userId',
    });
  }
  const now = ctx.clock();
  if (
    !/^\d{4}-\d{2}-\d{2}$/.test(input.completedOn) ||
    Number.isNaN(Date.parse(input.completedOn)) ||
    input.completedOn > dayIn(ctx.policy.offset, now)
  ) {
    throw new HogoError('training.invalid_date', 'completedOn is a past day, YYYY-MM-DD', {
      field: 'completedOn',
    });
  }
  const id = newId(now);
  await ctx.store.db.transaction().execute(async (tx) => {
    await governanceDb(tx)
      .insertInto('training_completions')
      .values({
        id,
        user_id: input.userId,
        course_id: input.courseId,
        completed_on: input.completedOn,
        recorded_by: principal.id,
        recorded_at: now,
      })
      .execute();
    await ctx.audit.append(tx, [
      {
        actor: principal.id,
        action: 'training.record',
        clauses: ['SECURITY.4'],
        detail: { userId: input.userId, courseId: input.courseId, completedOn: input.completedOn },
      },
    ]);
  });
  return { id };
}
