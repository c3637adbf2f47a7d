import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openAppTestContext } from '../app/test-context.ts';
import { createCustomer } from '../registry/index.ts';
import { buildCustomer, buildPrincipal } from '../registry/test-support.ts';
import { ENGINES } from '../store/test-engines.ts';
import { listIncidents } from './list-incidents.ts';
import { listViolations } from './list-violations.ts';
import { reportViolation } from './report-violation.ts';
import { triageViolation } from './triage-violation.ts';

const officer = buildPrincipal({ id: 'user-po', name: 'po', role: 'privacyOfficer' });
const operator = buildPrincipal({ id: 'user-op', name: 'op', role: 'operator' });

describe.each(ENGINES)('violation reports (SECURITY.3) on $name', (engine) => {
  let ctx: Awaited<ReturnType<typeof openAppTestContext>>;
  beforeEach(async () => {
    ctx = await openAppTestContext(engine, { now: Date.parse('2026-11-02T01:00:00Z') });
    await createCustomer(ctx, officer, buildCustomer());
  });
  afterEach(async () => ctx.close());

  it('lets any staff user report, and the privacy officer turn it into a linked incident', async () => {
    const reported = await reportViolation(ctx, operator, {
      summary: 'A customer list was left on a shared drive open to every employee.',
    });
    expect(reported).toMatchObject({ status: 'open', anonymous: false, reportedBy: 'user-op' });
    const triaged = await triageViolation(ctx, officer, reported.id, {
      action: 'incident',
      incident: {
        knownOn: '2026-11-02',
        sensitive: false,
        financial: false,
        wrongful: false,
        encrypted: false,
        affected: { categories: ['email'] },
      },
    });
    const [incident] = await listIncidents(ctx, officer);
    expect(triaged).toMatchObject({
      status: 'incident',
      incidentId: incident!.id,
      triagedBy: 'user-po',
    });
    await expect(
      triageViolation(ctx, officer, reported.id, { action: 'close', reason: 'duplicate' }),
    ).rejects.toMatchObject({ code: 'incidents.violation_triaged' });
  });

  it('keeps no reporter for the anonymous form, and closes a report with its reason', async () => {
    const anonymous = await reportViolation(ctx, null, {
      summary: 'Someone prints customer files and takes them home.',
    });
    expect(anonymous).toMatchObject({ anonymous: true, reportedBy: null });
    const closed = await triageViolation(ctx, officer, anonymous.id, {
      action: 'close',
      reason: 'Checked: the printouts were shredded on site.',
    });
    expect(closed).toMatchObject({
      status: 'closed',
      closeReason: 'Checked: the printouts were shredded on site.',
    });
    const queue = await listViolations(ctx, officer);
    expect(queue.map((v) => v.status)).toEqual(['closed']);
  });

  it('lists open reports first', async () => {
    const a = await reportViolation(ctx, operator, { summary: 'First suspected violation here.' });
    await triageViolation(ctx, officer, a.id, { action: 'close', reason: 'not a violation' });
    ctx.clock.advance(1000);
    const b = await reportViolation(ctx, operator, { summary: 'Second suspected violation.' });
    ctx.clock.advance(1000);
    const c = await triageViolation(
      ctx,
      officer,
      (await reportViolation(ctx, operator, { summary: 'Third suspected violation.' })).id,
      { action: 'close', reason: 'already handled' },
    );
    expect((await listViolations(ctx, officer)).map((v) => v.id)).toEqual([b.id, c.id, a.id]);
  });

  it('refuses a summary naming a person’s address or number, and an operator triaging', async () => {
    await expect(
      reportViolation(ctx, null, { summary: 'Mail sent to taro@example.jp by mistake' }),
    ).rejects.toMatchObject({ code: 'incidents.invalid_violation', details: { field: 'summary' } });
    await expect(reportViolation(ctx, null, { summary: 'short' })).rejects.toMatchObject({
      details: { field: 'summary' },
    });
    const r = await reportViolation(ctx, operator, { summary: 'A suspected violation of rules.' });
    await expect(
      triageViolation(ctx, operator, r.id, { action: 'close', reason: 'no' }),
    ).rejects.toMatchObject({ code: 'auth.forbidden' });
  });
});
