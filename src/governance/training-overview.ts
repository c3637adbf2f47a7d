import type { Localized } from '../policy/index.ts';
import { authorize, listUsers, type Principal } from '../security/index.ts';
import type { GovernanceDeps } from './governance-deps.ts';
import { trainingStatus, type CourseStatus } from './training-status.ts';

/** A required course of a user, with where it stands in a word the console shows. */
export interface UserCourseStatus extends CourseStatus {
  /** 'never' completed, 'lapsed' past validUntil, or 'valid' until validUntil. */
  readonly state: 'never' | 'lapsed' | 'valid';
}

/** SECURITY.4: the courses and every staff user's standing in those their role must hold. */
export interface TrainingOverview {
  readonly clause: string;
  readonly enforce: boolean;
  readonly withhold: readonly string[];
  readonly courses: readonly {
    readonly id: string;
    readonly title: Localized;
    readonly validityMonths: number;
    readonly roles: readonly string[];
  }[];
  readonly users: readonly {
    readonly id: string;
    readonly name: string;
    readonly role: string;
    readonly disabled: boolean;
    readonly courses: readonly UserCourseStatus[];
  }[];
}

/** SECURITY.4: the training section and each staff user's status. Needs 'users.manage'. */
export async function trainingOverview(
  ctx: GovernanceDeps,
  principal: Principal,
): Promise<TrainingOverview> {
  authorize(principal, 'users.manage');
  const training = ctx.policy.document.training;
  const users = await listUsers(ctx);
  return {
    clause: training?.clause ?? 'SECURITY.4',
    enforce: training?.enforce ?? false,
    withhold: training?.withhold ?? [],
    courses: (training?.courses ?? []).map((c) => ({
      id: c.id,
      title: c.title,
      validityMonths: c.validityMonths,
      roles: c.roles,
    })),
    users: await Promise.all(
      users.map(async (u) => ({
        id: u.id,
        name: u.name,
        role: u.role,
        disabled: u.disabled,
        courses: (await trainingStatus(ctx, u)).map((s) => ({
          ...s,
          state: s.completedOn === null ? 'never' : s.lapsed ? 'lapsed' : 'valid',
        })),
      })),
    ),
  };
}
