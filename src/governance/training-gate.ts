import { HogoError } from '../errors/index.ts';
import type { Permission, Principal, PrincipalGate } from '../security/index.ts';
import type { GovernanceDeps } from './governance-deps.ts';
import { trainingStatus } from './training-status.ts';

/**
 * SECURITY.4: the gate the app composes into authentication. A signed-in staff user (not an API
 * token of another system) whose required course has lapsed, or was never completed — a
 * demanding office: no values until trained — loses the permissions the policy file's
 * `training.withhold` names, and the refusal names the course and the day it lapsed.
 */
export function trainingGate(ctx: GovernanceDeps): PrincipalGate {
  return async (principal: Principal) => {
    const training = ctx.policy.document.training;
    if (training === undefined || !training.enforce || principal.kind !== 'user') return principal;
    const lapsed = (await trainingStatus(ctx, principal)).find((c) => c.lapsed);
    if (lapsed === undefined) return principal;
    const error = new HogoError(
      'auth.training_lapsed',
      lapsed.validUntil === null
        ? `training ${lapsed.courseId} was never completed: personal values are withheld until it is (${training.clause})`
        : `training ${lapsed.courseId} lapsed after ${lapsed.validUntil}: personal values are withheld until it is renewed (${training.clause})`,
      {
        course: lapsed.courseId,
        lapsedOn: lapsed.validUntil,
        permissions: training.withhold,
        clauses: [training.clause],
      },
    );
    const withheld = new Map<Permission, HogoError>(
      training.withhold.map((p) => [p as Permission, error]),
    );
    return { ...principal, withheld };
  };
}
