import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openAppTestContext } from '../app/test-context.ts';
import { securityMigrations } from '../security/security-migrations.ts';
import { ENGINES } from '../store/test-engines.ts';
import { answerInspection } from './answer-inspection.ts';
import { closeFollowUp, closeInspection } from './close-inspection.ts';
import { governanceMigrations } from './governance-migrations.ts';
import { inspectionSchedule } from './inspection-schedule.ts';
import { inspectionView } from './inspection-view.ts';
import { startInspection } from './start-inspection.ts';
import { buildApprover, buildRequester } from './test-support.ts';

const HOUR = 3_600_000;
const officer = buildRequester();
const auditor = buildApprover({ id: 'user-auditor', name: 'auditor', role: 'auditor' });
const CHECKLIST = 'handling-self-check';
const QUESTIONS = ['access-reviewed', 'training-held', 'take-outs-approved', 'physical-security'];

describe.each(ENGINES)('self-inspections on $name (SECURITY.3)', (engine) => {
  let ctx: Awaited<ReturnType<typeof openAppTestContext>>;
  beforeEach(async () => {
    // 2027-03-31 23:00 in Japan: the first inspections (due 2027-03-31) are due today.
    ctx = await openAppTestContext(engine, {
      migrations: { ...securityMigrations, ...governanceMigrations },
      now: Date.parse('2027-03-31T14:00:00Z'),
    });
  });
  afterEach(async () => {
    await ctx.close();
  });

  const schedule = () => inspectionSchedule(ctx, auditor);

  it('lists each department on the checklist, overdue once the due day has passed in Japan', async () => {
    const due = await schedule();
    expect(due.map((d) => d.department).sort()).toEqual([
      'customer-service',
      'marketing',
      'network-operations',
    ]);
    expect(due.every((d) => d.dueOn === '2027-03-31' && !d.overdue)).toBe(true);
    // 2027-04-01 00:00 in Japan is still 2027-03-31 in UTC: overdue all the same.
    ctx.clock.advance(HOUR);
    expect((await schedule()).every((d) => d.overdue)).toBe(true);
  });

  it('answers with findings and follow-ups, closes, and schedules the next a year on', async () => {
    ctx.clock.advance(HOUR);
    const started = await startInspection(ctx, officer, {
      checklistId: CHECKLIST,
      department: 'marketing',
    });
    expect(started.dueOn).toBe('2027-03-31');
    await expect(
      startInspection(ctx, officer, { checklistId: CHECKLIST, department: 'marketing' }),
    ).rejects.toMatchObject({ code: 'inspection.open' });
    const { followUpIds } = await answerInspection(ctx, auditor, started.id, [
      { questionId: 'access-reviewed', result: 'ok' },
      {
        questionId: 'training-held',
        result: 'finding',
        finding: 'two new staff have not completed privacy-basics',
        followUps: [
          { action: 'enrol both in the course', owner: 'marketing lead', dueOn: '2027-04-10' },
        ],
      },
    ]);
    expect(followUpIds).toHaveLength(1);
    await expect(closeInspection(ctx, officer, started.id)).rejects.toMatchObject({
      code: 'inspection.unanswered',
      details: { questions: ['take-outs-approved', 'physical-security'] },
    });
    await answerInspection(ctx, auditor, started.id, [
      { questionId: 'take-outs-approved', result: 'ok' },
      { questionId: 'physical-security', result: 'na' },
    ]);
    await closeInspection(ctx, officer, started.id);
    const view = await inspectionView(ctx, auditor, started.id);
    expect(view).toMatchObject({ state: 'closed', department: 'marketing' });
    expect(view.questions.map((q) => q.answer?.result)).toEqual(['ok', 'finding', 'ok', 'na']);
    expect(view.followUps).toEqual([
      expect.objectContaining({ owner: 'marketing lead', dueOn: '2027-04-10', state: 'open' }),
    ]);
    const marketing = (await schedule()).find((d) => d.department === 'marketing')!;
    expect(marketing).toMatchObject({
      dueOn: '2028-03-31',
      overdue: false,
      lastClosedDueOn: '2027-03-31',
      openFollowUps: 1,
      overdueFollowUps: 0,
    });
    // The two departments not inspected come first: overdue.
    expect((await schedule()).map((d) => d.overdue)).toEqual([true, true, false]);
    await closeFollowUp(ctx, officer, followUpIds[0]!);
    expect((await inspectionView(ctx, auditor, started.id)).followUps[0]!.state).toBe('closed');
    await expect(closeFollowUp(ctx, officer, followUpIds[0]!)).rejects.toMatchObject({
      code: 'inspection.closed',
    });
    const audit = JSON.stringify(
      await ctx.store.db
        .selectFrom('audit_log' as never)
        .selectAll()
        .execute(),
    );
    for (const action of [
      'inspection.start',
      'inspection.answer',
      'inspection.close',
      'inspection.follow_up.close',
    ])
      expect(audit).toContain(action);
  });

  it('refuses an answer to a question the checklist does not ask, naming it', async () => {
    const started = await startInspection(ctx, officer, {
      checklistId: CHECKLIST,
      department: 'customer-service',
    });
    await expect(
      answerInspection(ctx, officer, started.id, [
        { questionId: 'access-reviewed', result: 'ok' },
        { questionId: 'shredder-emptied', result: 'ok' },
      ]),
    ).rejects.toMatchObject({
      code: 'inspection.unknown_question',
      message: `checklist ${CHECKLIST} has no question shredder-emptied`,
      details: { field: 'answers[1].questionId' },
    });
    // Nothing of the refused batch was kept.
    const view = await inspectionView(ctx, auditor, started.id);
    expect(view.questions.every((q) => q.answer === null)).toBe(true);
    expect(QUESTIONS).toEqual(view.questions.map((q) => q.id));
  });

  it('refuses unknown checklists and departments, and staff without the permission', async () => {
    await expect(
      startInspection(ctx, officer, { checklistId: 'nope', department: 'marketing' }),
    ).rejects.toMatchObject({
      code: 'inspection.unknown_checklist',
      details: { field: 'checklistId' },
    });
    await expect(
      startInspection(ctx, officer, { checklistId: CHECKLIST, department: 'canteen' }),
    ).rejects.toMatchObject({
      code: 'inspection.unknown_department',
      details: { field: 'department' },
    });
    await expect(
      startInspection(ctx, buildRequester({ role: 'operator' }), {
        checklistId: CHECKLIST,
        department: 'marketing',
      }),
    ).rejects.toMatchObject({ code: 'auth.forbidden' });
  });
});
