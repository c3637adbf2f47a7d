import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cliPrincipal } from '../cli/cli-principal.ts';
import { importFile } from '../intake/import-file.ts';
import { openBadRowReport } from '../intake/bad-row-report.ts';
import { buildRow, csvText, tempDir, tempFile } from '../intake/test-support.ts';
import { ENGINES } from '../store/test-engines.ts';
import { addItem } from './add-item.ts';
import { createCustomer } from './create-customer.ts';
import { recordConsent } from './record-consent.ts';
import { updateItem } from './update-item.ts';
import { buildCustomer, buildItem, buildPrincipal, openRegistryContext } from './test-support.ts';

const operator = buildPrincipal();

describe.each(ENGINES)('instants that only a past can hold on $name', (engine) => {
  it('refuses an item acquired in the future, at registration, added, updated and imported', async () => {
    const ctx = await openRegistryContext(engine);
    try {
      // The test clock stands at 2026-01-10T00:00Z; five minutes of skew are allowed.
      await expect(
        createCustomer(
          ctx,
          operator,
          buildCustomer({ items: [buildItem({ acquiredAt: '2099-01-01T00:00:00+09:00' })] }),
        ),
      ).rejects.toMatchObject({
        code: 'registry.invalid_field',
        details: { field: 'items[0].acquiredAt', reason: 'must not be in the future' },
      });
      const created = await createCustomer(
        ctx,
        operator,
        buildCustomer({ items: [buildItem({ acquiredAt: '2026-01-10T00:04:00Z' })] }),
      );
      await expect(
        addItem(ctx, operator, {
          customerId: created.id,
          item: buildItem({ acquiredAt: '2026-01-11T00:00:00Z' }),
        }),
      ).rejects.toMatchObject({ details: { field: 'acquiredAt' } });
      await expect(
        updateItem(ctx, operator, {
          itemId: created.itemIds[0]!,
          update: { value: 'hanako@example.jp', acquiredAt: '2030-01-01T00:00:00Z' },
        }),
      ).rejects.toMatchObject({ details: { reason: 'must not be in the future' } });

      const file = tempFile(
        'future.csv',
        csvText([
          buildRow({ externalId: 'P1' }),
          buildRow({ externalId: 'F1', acquiredAt: '2099-01-01T10:00:00+09:00' }),
        ]),
      );
      const reportPath = join(tempDir(), 'report.ndjson');
      const summary = await importFile(ctx, cliPrincipal('test'), {
        path: file,
        format: 'csv',
        report: (resuming) => openBadRowReport(reportPath, resuming),
      });
      expect(summary).toMatchObject({ imported: 1, bad: 1 });
      expect(JSON.parse(readFileSync(reportPath, 'utf8').trim())).toMatchObject({
        line: 3,
        field: 'acquiredAt',
        reason: 'must not be in the future',
      });
    } finally {
      await ctx.close();
    }
  });

  it('refuses a consent given in the future', async () => {
    const ctx = await openRegistryContext(engine);
    try {
      const { id } = await createCustomer(ctx, operator, buildCustomer());
      const purpose = [...ctx.policy.purposes.values()].find((p) => p.group === 'REG')!.id;
      await expect(
        recordConsent(ctx, operator, {
          customerId: id,
          consent: { purpose, at: '2099-01-01T00:00:00Z' },
        }),
      ).rejects.toMatchObject({ code: 'registry.invalid_field', details: { field: 'at' } });
      await expect(
        recordConsent(ctx, operator, {
          customerId: id,
          consent: { purpose, at: '2026-01-09T00:00:00Z' },
        }),
      ).resolves.toMatchObject({ withdrawn: 0 });
    } finally {
      await ctx.close();
    }
  });
});
