import type { CompiledPolicy, Localized } from '../policy/index.ts';
import type { Principal } from '../security/index.ts';
import type { GovernanceDeps } from './governance-deps.ts';
import { governanceDb } from './governance-tables.ts';
import { addMonths, dayIn } from './japan-date.ts';

/** One required course of a staff user and where they stand (SECURITY.4). */
export interface CourseStatus {
  readonly courseId: string;
  readonly title: Localized;
  /** The latest completion's day; null when never completed. */
  readonly completedOn: string | null;
  /** The last day the completion holds; null when never completed. */
  readonly validUntil: string | null;
  readonly lapsed: boolean;
}

/** The courses a role must hold, each with the user's latest completion. */
export async function trainingStatus(
  ctx: GovernanceDeps,
  user: Pick<Principal, 'id' | 'role'>,
): Promise<CourseStatus[]> {
  const courses = requiredCourses(ctx.policy, user.role);
  if (courses.length === 0) return [];
  const rows = await governanceDb(ctx.store.db)
    .selectFrom('training_completions')
    .select(['course_id', 'completed_on'])
    .where('user_id', '=', user.id)
    .execute();
  const today = dayIn(ctx.policy.offset, ctx.clock());
  return courses.map((c) => {
    const latest = rows
      .filter((r) => r.course_id === c.id)
      .map((r) => r.completed_on)
      .sort()
      .at(-1);
    if (latest === undefined) {
      return { courseId: c.id, title: c.title, completedOn: null, validUntil: null, lapsed: true };
    }
    const validUntil = addMonths(latest, c.validityMonths);
    return {
      courseId: c.id,
      title: c.title,
      completedOn: latest,
      validUntil,
      lapsed: today > validUntil,
    };
  });
}

function requiredCourses(policy: CompiledPolicy, role: string) {
  return (policy.document.training?.courses ?? []).filter((c) => c.roles.includes(role));
}
