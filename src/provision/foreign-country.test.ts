import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { approvedExport } from '../governance/test-support.ts';
import { compilePolicy } from '../policy/index.ts';
import { createCustomer } from '../registry/index.ts';
import { buildCustomer } from '../registry/test-support.ts';
import { tempDir } from '../security/test-support.ts';
import { ENGINES } from '../store/test-engines.ts';
import { createRecipient } from './create-recipient.ts';
import { exportAudience } from './export-audience.ts';
import { provide } from './provide.ts';
import { provisionRecordsFor } from './provision-records-for.ts';
import { recordDiligence } from './record-diligence.ts';
import {
  buildDiligence,
  buildOfficer,
  buildRecipient,
  openProvisionContext,
} from './test-support.ts';

const inForce2026 = buildDiligence({
  verifiedAt: '2025-12-01T00:00:00+09:00',
  expiresAt: '2026-12-01T00:00:00+09:00',
});

describe.each(ENGINES)('provision abroad and the foreign-country register on $name', (engine) => {
  let ctx: Awaited<ReturnType<typeof openProvisionContext>>;
  const officer = buildOfficer();
  beforeEach(async () => {
    ctx = await openProvisionContext(engine);
  });
  afterEach(async () => {
    await ctx.close();
  });

  const subcontractorIn = async (id: string, country: string) => {
    await createRecipient(ctx, officer, buildRecipient({ id, country }));
    await recordDiligence(ctx, officer, { recipientId: id, diligence: inForce2026 });
  };

  it('refuses a provision to a recipient in a country the register does not hold, citing SECURITY.7', async () => {
    await subcontractorIn('sg-co', 'SG');
    const customer = await createCustomer(ctx, officer, buildCustomer());
    await expect(
      provide(ctx, officer, {
        recipientId: 'sg-co',
        customerIds: [customer.id],
        itemCategories: ['name'],
        purpose: 'PURPOSE.REG.1b',
      }),
    ).rejects.toMatchObject({
      code: 'country.unregistered',
      kind: 'refused',
      details: { country: 'SG', clauses: ['SECURITY.7'] },
    });
    expect(await provisionRecordsFor(ctx, officer, customer.id)).toEqual([]);
  });

  it('provides to a recipient in a registered country (US) and at home (JP)', async () => {
    await subcontractorIn('us-co', 'US');
    await subcontractorIn('print-co', 'JP');
    const customer = await createCustomer(ctx, officer, buildCustomer());
    for (const recipientId of ['us-co', 'print-co']) {
      const result = await provide(ctx, officer, {
        recipientId,
        customerIds: [customer.id],
        itemCategories: ['name'],
        purpose: 'PURPOSE.REG.1b',
      });
      expect([recipientId, result.provided.length]).toEqual([recipientId, 1]);
    }
  });

  it('refuses an ad export to a platform whose country left the register, and keeps its approval', async () => {
    await createCustomer(ctx, officer, buildCustomer());
    const document = ctx.policy.document;
    const withoutUs = compilePolicy({
      ...document,
      countries: { ...document.countries!, entries: [] },
    });
    const approvalId = await approvedExport(ctx, 'adExport', 'google');
    const out = join(tempDir(), 'google.csv');
    await expect(
      exportAudience({ ...ctx, policy: withoutUs }, officer, {
        platform: 'google',
        out,
        approvalId,
      }),
    ).rejects.toMatchObject({ code: 'country.unregistered', details: { country: 'US' } });
    expect(existsSync(out)).toBe(false);
    // The refusal rolled back: the approval still serves the export once the register holds US.
    const receipt = await exportAudience(ctx, officer, { platform: 'google', out, approvalId });
    expect(receipt.approvalId).toBe(approvalId);
  });
});
