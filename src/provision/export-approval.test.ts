import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { requestExportApproval } from '../governance/index.ts';
import { approvedExport, buildRequester } from '../governance/test-support.ts';
import { createCustomer } from '../registry/index.ts';
import { buildCustomer } from '../registry/test-support.ts';
import { tempDir } from '../security/test-support.ts';
import { ENGINES } from '../store/test-engines.ts';
import { exportAudience } from './export-audience.ts';
import { listAdExports } from './list-ad-exports.ts';
import { buildOfficer, openProvisionContext } from './test-support.ts';

describe.each(ENGINES)(
  'ad exports need an approval by a second person on $name (SECURITY.5)',
  (engine) => {
    let ctx: Awaited<ReturnType<typeof openProvisionContext>>;
    let dir: string;
    const officer = buildOfficer();
    beforeEach(async () => {
      ctx = await openProvisionContext(engine);
      dir = tempDir();
      await createCustomer(ctx, officer, buildCustomer());
    });
    afterEach(async () => {
      await ctx.close();
    });

    it('refuses an export without an approval: no file, no receipt', async () => {
      const out = join(dir, 'google.csv');
      await expect(exportAudience(ctx, officer, { platform: 'google', out })).rejects.toMatchObject(
        {
          code: 'approval.required',
          kind: 'refused',
          details: { field: 'approvalId', clauses: ['SECURITY.5'] },
        },
      );
      expect(existsSync(out)).toBe(false);
      expect((await listAdExports(ctx, officer, {})).exports).toEqual([]);
    });

    it('refuses an approval that awaits its second person', async () => {
      const asked = await requestExportApproval(ctx, buildRequester(), {
        kind: 'adExport',
        subject: 'google',
        reason: 'spring campaign',
      });
      await expect(
        exportAudience(ctx, officer, {
          platform: 'google',
          out: join(dir, 'a.csv'),
          approvalId: asked.id,
        }),
      ).rejects.toMatchObject({ code: 'approval.not_approved' });
    });

    it('uses an approval once, for its own platform only, and the receipt carries its id', async () => {
      const approvalId = await approvedExport(ctx, 'adExport', 'google');
      await expect(
        exportAudience(ctx, officer, { platform: 'meta', out: join(dir, 'm.ndjson'), approvalId }),
      ).rejects.toMatchObject({ code: 'approval.mismatch' });
      const receipt = await exportAudience(ctx, officer, {
        platform: 'google',
        out: join(dir, 'a.csv'),
        approvalId,
      });
      expect(receipt.approvalId).toBe(approvalId);
      const [listed] = (await listAdExports(ctx, officer, {})).exports;
      expect(listed!.approvalId).toBe(approvalId);
      await expect(
        exportAudience(ctx, officer, { platform: 'google', out: join(dir, 'b.csv'), approvalId }),
      ).rejects.toMatchObject({ code: 'approval.used' });
      const audit = await ctx.audit.list({ limit: 100 });
      expect(audit.find((e) => e.action === 'ads.export')!.detail).toMatchObject({ approvalId });
    });
  },
);
