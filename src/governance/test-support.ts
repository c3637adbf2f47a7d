import type { Principal } from '../security/principal.ts';
import { approveExport } from './approve-export.ts';
import type { ExportKind } from './export-kind.ts';
import type { GovernanceDeps } from './governance-deps.ts';
import { dayIn } from './japan-date.ts';
import { recordTraining } from './record-training.ts';
import { requestExportApproval } from './request-export-approval.ts';

/** A privacy officer who asks for take-outs. */
export function buildRequester(overrides: Partial<Principal> = {}): Principal {
  return {
    id: 'user-requester',
    kind: 'user',
    name: 'requester',
    role: 'privacyOfficer',
    scope: { categories: 'all', purposes: 'all' },
    ...overrides,
  };
}

/** A second privacy officer, who approves them (four eyes). */
export function buildApprover(overrides: Partial<Principal> = {}): Principal {
  return buildRequester({ id: 'user-approver', name: 'approver', ...overrides });
}

/** SECURITY.5: an approval asked for by one officer and given by another; its id. */
export async function approvedExport(
  ctx: GovernanceDeps,
  kind: ExportKind,
  subject: string,
): Promise<string> {
  const asked = await requestExportApproval(ctx, buildRequester(), {
    kind,
    subject,
    reason: `test ${kind} of ${subject}`,
  });
  return (await approveExport(ctx, buildApprover(), asked.id)).id;
}

/** SECURITY.4: records today's completion of every course the role must hold. */
export async function trainAll(ctx: GovernanceDeps, userId: string, role: string): Promise<void> {
  const today = dayIn(ctx.policy.offset, ctx.clock());
  for (const course of ctx.policy.document.training?.courses ?? []) {
    if (!course.roles.includes(role)) continue;
    await recordTraining(ctx, buildApprover({ id: 'user-trainer', name: 'trainer' }), {
      userId,
      courseId: course.id,
      completedOn: today,
    });
  }
}
