import { HogoError } from '../errors/index.ts';
import type { PolicyChecklist } from '../policy/index.ts';
import { newId } from '../registry/index.ts';
import { authorize, type Principal } from '../security/index.ts';
import type { GovernanceDeps } from './governance-deps.ts';
import { governanceDb } from './governance-tables.ts';
import { addMonths } from './japan-date.ts';

/** The checklist of the policy file with this id, or a refusal naming it. */
export function requireChecklist(ctx: GovernanceDeps, id: string): PolicyChecklist {
  const checklist = ctx.policy.document.inspections?.checklists.find((c) => c.id === id);
  if (checklist === undefined) {
    throw new HogoError('inspection.unknown_checklist', `no checklist ${id} in the policy`, {
      field: 'checklistId',
    });
  }
  return checklist;
}

/**
 * SECURITY.3: starts a department's inspection for the day now due on its checklist's schedule;
 * one open at a time per checklist and department. Needs 'inspections.manage'.
 */
export async function startInspection(
  ctx: GovernanceDeps,
  principal: Principal,
  input: { readonly checklistId: string; readonly department: string },
): Promise<{ readonly id: string; readonly dueOn: string }> {
  authorize(principal, 'inspections.manage');
  const checklist = requireChecklist(ctx, input.checklistId);
  if (!checklist.departments.includes(input.department)) {
    throw new HogoError(
      'inspection.unknown_department',
      `checklist ${checklist.id} does not inspect department ${input.department}`,
      { field: 'department' },
    );
  }
  const now = ctx.clock();
  const id = newId(now);
  return ctx.store.db.transaction().execute(async (tx) => {
    const db = governanceDb(tx);
    const rows = await db
      .selectFrom('inspections')
      .select(['id', 'due_on', 'state'])
      .where('checklist_id', '=', checklist.id)
      .where('department', '=', input.department)
      .execute();
    const open = rows.find((r) => r.state === 'open');
    if (open !== undefined) {
      throw new HogoError('inspection.open', `inspection ${open.id} is open for this department`, {
        inspectionId: open.id,
      });
    }
    const lastClosed = rows
      .map((r) => r.due_on)
      .sort()
      .at(-1);
    const dueOn =
      lastClosed === undefined ? checklist.firstDue : addMonths(lastClosed, checklist.everyMonths);
    await db
      .insertInto('inspections')
      .values({
        id,
        checklist_id: checklist.id,
        department: input.department,
        due_on: dueOn,
        state: 'open',
        started_by: principal.id,
        started_at: now,
        closed_by: null,
        closed_at: null,
      })
      .execute();
    await ctx.audit.append(tx, [
      {
        actor: principal.id,
        action: 'inspection.start',
        clauses: [checklist.clause],
        detail: {
          inspectionId: id,
          checklistId: checklist.id,
          department: input.department,
          dueOn,
        },
      },
    ]);
    return { id, dueOn };
  });
}
