import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openAppTestContext } from '../app/test-context.ts';
import { securityMigrations } from '../security/security-migrations.ts';
import { ENGINES } from '../store/test-engines.ts';
import { approveExport } from './approve-export.ts';
import { governanceMigrations } from './governance-migrations.ts';
import { listExportApprovals } from './list-export-approvals.ts';
import { requestExportApproval } from './request-export-approval.ts';
import { requireExportApproval } from './require-export-approval.ts';
import { buildApprover, buildRequester } from './test-support.ts';

describe.each(ENGINES)('export approvals on $name (SECURITY.5, four eyes)', (engine) => {
  let ctx: Awaited<ReturnType<typeof openAppTestContext>>;
  beforeEach(async () => {
    ctx = await openAppTestContext(engine, {
      migrations: { ...securityMigrations, ...governanceMigrations },
    });
  });
  afterEach(async () => {
    await ctx.close();
  });
  const ask = () =>
    requestExportApproval(ctx, buildRequester(), {
      kind: 'package',
      subject: 'req-1',
      reason: 'customer asked for the package by post',
    });

  it('refuses an approval by the requester themself', async () => {
    const asked = await ask();
    await expect(approveExport(ctx, buildRequester(), asked.id)).rejects.toMatchObject({
      code: 'approval.by_requester',
      kind: 'forbidden',
    });
    // The same person under another id (one OS user's CLI jobs share a name) is refused too.
    await expect(
      approveExport(ctx, buildRequester({ id: 'cli:requester:other-job' }), asked.id),
    ).rejects.toMatchObject({ code: 'approval.by_requester' });
    const [row] = await listExportApprovals(ctx, buildApprover());
    expect(row).toMatchObject({ id: asked.id, state: 'requested', approvedBy: null });
  });

  it('is approved once by a privacy officer other than the requester, never by an operator', async () => {
    const asked = await ask();
    await expect(
      approveExport(ctx, buildApprover({ role: 'operator' }), asked.id),
    ).rejects.toMatchObject({ code: 'auth.forbidden' });
    const approved = await approveExport(ctx, buildApprover(), asked.id);
    expect(approved).toMatchObject({ state: 'approved', approvedBy: 'user-approver' });
    await expect(approveExport(ctx, buildApprover(), asked.id)).rejects.toMatchObject({
      code: 'approval.conflict',
    });
    const actions = (await ctx.audit.list({ limit: 10 })).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['approval.request', 'approval.approve']));
  });

  it('asks with the take-out’s own permission and a reason', async () => {
    await expect(
      requestExportApproval(ctx, buildRequester({ role: 'auditor' }), {
        kind: 'package',
        subject: 'req-1',
        reason: 'x',
      }),
    ).rejects.toMatchObject({ code: 'auth.forbidden' });
    await expect(
      requestExportApproval(ctx, buildRequester(), {
        kind: 'package',
        subject: 'req-1',
        reason: ' ',
      }),
    ).rejects.toMatchObject({ code: 'approval.invalid', details: { field: 'reason' } });
  });

  it('is used inside the take-out’s transaction: a failed take-out leaves it unused', async () => {
    const asked = await ask();
    await approveExport(ctx, buildApprover(), asked.id);
    const use = { approvalId: asked.id, kind: 'package' as const, subject: 'req-1' };
    await expect(
      ctx.store.db.transaction().execute(async (tx) => {
        await requireExportApproval(tx, buildRequester(), use, ctx.clock());
        throw new Error('the package failed');
      }),
    ).rejects.toThrow('the package failed');
    const id = await ctx.store.db
      .transaction()
      .execute((tx) => requireExportApproval(tx, buildRequester(), use, ctx.clock()));
    expect(id).toBe(asked.id);
    const [row] = await listExportApprovals(ctx, buildApprover(), { state: 'used' });
    expect(row).toMatchObject({ id: asked.id, usedBy: 'user-requester' });
  });
});
