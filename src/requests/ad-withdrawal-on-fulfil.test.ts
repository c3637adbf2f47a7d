import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openAppTestContext } from '../app/test-context.ts';
import { governanceMigrations } from '../governance/governance-migrations.ts';
import { approvedExport } from '../governance/test-support.ts';
import { noticeMigrations } from '../notices/notice-migrations.ts';
import { provisionMigrations } from '../provision/provision-migrations.ts';
import { exportAudience } from '../provision/export-audience.ts';
import { sha256Hex } from '../provision/ads/sha256-hex.ts';
import { readAdExport } from '../provision/read-ad-export.ts';
import { createCustomer } from '../registry/index.ts';
import { registryMigrations } from '../registry/registry-migrations.ts';
import { buildCustomer, buildItem, buildPrincipal } from '../registry/test-support.ts';
import { retentionMigrations } from '../retention/retention-migrations.ts';
import { securityMigrations } from '../security/security-migrations.ts';
import { tempDir } from '../security/test-support.ts';
import { ENGINES } from '../store/test-engines.ts';
import { fileRequest } from './file-request.ts';
import { fulfilRequest } from './fulfil-request.ts';
import { requestMigrations } from './request-migrations.ts';
import { startFulfilment } from './start-fulfilment.ts';
import { verifyIdentity } from './verify-identity.ts';

const operator = buildPrincipal();
const officer = buildPrincipal({ id: 'user-officer', role: 'privacyOfficer' });

describe.each(ENGINES)('a fulfilled request reaches the held ad exports on $name', (engine) => {
  let ctx: Awaited<ReturnType<typeof openAppTestContext>>;
  let dir: string;
  let gone: string;
  beforeEach(async () => {
    ctx = await openAppTestContext(engine, {
      migrations: {
        ...securityMigrations,
        ...registryMigrations,
        ...requestMigrations,
        ...provisionMigrations,
        ...noticeMigrations,
        ...retentionMigrations,
        ...governanceMigrations,
      },
    });
    dir = tempDir();
    const email = (v: string) => buildCustomer({ items: [buildItem({ value: v })] });
    gone = (await createCustomer(ctx, operator, email('gone@example.jp'))).id;
    await createCustomer(ctx, operator, email('stays@example.jp'));
  });
  afterEach(() => ctx.close());

  it.each([
    ['deletion', 'REQUEST.DELETION'],
    ['suspend-provision', 'REQUEST.SUSPEND_PROVISION'],
  ])(
    '%s: the held file loses the customer at once, before any export or purge',
    async (kind, clause) => {
      const exported = await exportAudience(ctx, officer, {
        approvalId: await approvedExport(ctx, 'adExport', 'google'),
        platform: 'google',
        out: join(dir, 'held.csv'),
      });
      expect(readFileSync(join(dir, 'held.csv'), 'utf8')).toContain(sha256Hex('gone@example.jp'));
      const filed = await fileRequest(ctx, operator, {
        kind,
        customerId: gone,
        requester: { type: 'customer' },
        channel: 'helpdesk',
      });
      await verifyIdentity(ctx, operator, { requestId: filed.id, method: 'idDocument' });
      await startFulfilment(ctx, operator, { requestId: filed.id });
      await fulfilRequest(ctx, operator, { requestId: filed.id });
      const held = readFileSync(join(dir, 'held.csv'), 'utf8');
      expect(held).not.toContain(sha256Hex('gone@example.jp'));
      expect(held).toContain(sha256Hex('stays@example.jp'));
      const receipt = await readAdExport(ctx, officer, exported.exportId);
      expect(receipt.rewrites?.map((r) => r.clauses)).toEqual([[clause]]);
    },
  );
});
