import { HogoError } from '../errors/index.ts';
import { authorize, type Principal } from '../security/index.ts';
import type { GovernanceDeps } from './governance-deps.ts';
import { governanceDb } from './governance-tables.ts';
import { openInspection } from './open-inspection.ts';

/**
 * SECURITY.3: closes an inspection once every question of its checklist is answered; the next
 * one falls due `everyMonths` after this one's due day. Its follow-ups stay open until each is
 * closed. Needs 'inspections.manage'.
 */
export async function closeInspection(
  ctx: GovernanceDeps,
  principal: Principal,
  id: string,
): Promise<void> {
  authorize(principal, 'inspections.manage');
  const now = ctx.clock();
  await ctx.store.db.transaction().execute(async (tx) => {
    const { checklist } = await openInspection(ctx, tx, id);
    const db = governanceDb(tx);
    const answered = new Set(
      (
        await db
          .selectFrom('inspection_answers')
          .select('question_id')
          .where('inspection_id', '=', id)
          .execute()
      ).map((r) => r.question_id),
    );
    const missing = checklist.questions.filter((q) => !answered.has(q.id)).map((q) => q.id);
    if (missing.length > 0) {
      throw new HogoError(
        'inspection.unanswered',
        `inspection ${id} is closed once every question is answered; unanswered: ${missing.join(', ')}`,
        { questions: missing },
      );
    }
    await db
      .updateTable('inspections')
      .set({ state: 'closed', closed_by: principal.id, closed_at: now })
      .where('id', '=', id)
      .execute();
    await ctx.audit.append(tx, [
      {
        actor: principal.id,
        action: 'inspection.close',
        clauses: [checklist.clause],
        detail: { inspectionId: id },
      },
    ]);
  });
}

/** SECURITY.3: closes a follow-up once it is carried out. Needs 'inspections.manage'. */
export async function closeFollowUp(
  ctx: GovernanceDeps,
  principal: Principal,
  id: string,
): Promise<void> {
  authorize(principal, 'inspections.manage');
  const now = ctx.clock();
  await ctx.store.db.transaction().execute(async (tx) => {
    const db = governanceDb(tx);
    const row = await db
      .selectFrom('inspection_follow_ups')
      .select(['state', 'inspection_id'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (row === undefined) {
      throw new HogoError('inspection.not_found', `no follow-up ${id}`, { field: 'id' });
    }
    if (row.state !== 'open') {
      throw new HogoError('inspection.closed', `follow-up ${id} is closed`, { state: row.state });
    }
    await db
      .updateTable('inspection_follow_ups')
      .set({ state: 'closed', closed_by: principal.id, closed_at: now })
      .where('id', '=', id)
      .execute();
    await ctx.audit.append(tx, [
      {
        actor: principal.id,
        action: 'inspection.follow_up.close',
        clauses: ['SECURITY.3'],
        detail: { followUpId: id, inspectionId: row.inspection_id },
      },
    ]);
  });
}
