import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRecipient } from '../provision/create-recipient.ts';
import { anonymizedProvisionsOf } from '../provision/index.ts';
import { createCustomer } from '../registry/create-customer.ts';
import { deleteCustomer } from '../registry/delete-customer.ts';
import { recordOptOut } from '../registry/record-opt-out.ts';
import { recordSuspension } from '../registry/record-suspension.ts';
import { buildItem } from '../registry/test-support.ts';
import type { Principal } from '../security/index.ts';
import { approvedExport } from '../governance/test-support.ts';
import { ENGINES } from '../store/test-engines.ts';
import { downloadDataset } from './download-dataset.ts';
import { datasetNotices, provideDataset } from './provide-dataset.ts';
import { publishDataset, publishedDatasets } from './publish-dataset.ts';
import { readDataset } from './read-dataset.ts';
import { startDatasetJob } from './start-dataset-job.ts';
import { openAnonymizeContext } from './test-support.ts';

const officer: Principal = {
  id: 'user-officer',
  kind: 'user',
  name: 'officer',
  role: 'privacyOfficer',
  scope: { categories: 'all', purposes: 'all' },
};
const operator: Principal = { ...officer, id: 'user-operator', name: 'operator', role: 'operator' };

const GENDER = '男性;*\n女性;*\n';
const definition = (k: number) => `name: customers-by-birth-year
source:
  registry:
    categories: [birthDate, gender]
    purpose: PURPOSE.REG.3
attributes:
  - { name: customer, role: linking-code }
  - { name: birthDate, role: quasi-identifier, hierarchy: { builtin: date } }
  - { name: gender, role: quasi-identifier, hierarchy: { file: gender.csv } }
privacy: { k: ${k} }
`;
const METHOD = {
  en: 'An encrypted CSV file sent over a secure transfer service.',
  ja: '暗号化したCSVファイルを安全な転送サービスで送付します。',
};

describe.each(ENGINES)('data-set jobs on $name', (engine) => {
  let ctx: Awaited<ReturnType<typeof openAnonymizeContext>>;
  beforeEach(async () => {
    ctx = await openAnonymizeContext(engine);
  });
  afterEach(() => ctx.close());

  async function person(n: number, extra?: string) {
    const at = '2023-05-01T10:00:00+09:00';
    const created = await createCustomer(ctx, officer, {
      group: 'REG',
      externalId: `EXT-${n}`,
      items: [
        buildItem({ category: 'name', value: `山田 ${n}郎`, acquiredAt: at }),
        buildItem({
          category: 'birthDate',
          value: `19${70 + (n % 3)}-0${1 + (n % 9)}-1${n % 10}`,
          acquiredAt: at,
        }),
        buildItem({
          category: 'gender',
          value: extra ?? (n % 2 ? '男性' : '女性'),
          acquiredAt: at,
        }),
        buildItem({
          category: 'myNumber',
          value: `12345678${String(n).padStart(4, '0')}`,
          acquiredAt: at,
        }),
      ],
    });
    return created.id;
  }

  it('makes a data set from the registry, leaves out who must be left out, publishes and provides it', async () => {
    const ids: string[] = [];
    for (let n = 0; n < 12; n++) ids.push(await person(n));
    const erased = ids[0]!;
    const optedOut = ids[1]!;
    const suspended = ids[2]!;
    await deleteCustomer(ctx, officer, { customerId: erased });
    await recordOptOut(ctx, officer, {
      customerId: optedOut,
      optOut: { at: '2025-01-01T00:00:00+09:00' },
    });
    await recordSuspension(ctx, officer, {
      customerId: suspended,
      suspension: { kind: 'use', from: '2025-01-01T00:00:00+09:00' },
    });

    const job = await startDatasetJob(ctx, officer, {
      definition: definition(3),
      files: { 'gender.csv': GENDER },
    });
    expect((await readDataset(ctx, officer, job.id)).state).toBe('running');
    await job.finished;
    const view = await readDataset(ctx, officer, job.id);
    expect(view.error).toBeNull();
    expect(view.state).toBe('done');
    expect(view.progress).toEqual({ done: 1, total: 1 });
    expect(view.rows).toBe(9);
    expect(view.report!.metrics.smallestClass).toBeGreaterThanOrEqual(3);

    const { csv } = await downloadDataset(
      ctx,
      officer,
      job.id,
      await approvedExport(ctx, 'anonymized', job.id),
    );
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe('customer,birthDate,gender');
    expect(lines).toHaveLength(10);
    // No customer id, name, My Number or exact birth date leaves; 9 distinct tokens, one each.
    for (const id of ids) expect(csv).not.toContain(id);
    expect(csv).not.toMatch(/山田|12345678|19\d\d-\d\d-\d\d/);
    expect(new Set(lines.slice(1).map((l) => l.split(',')[0])).size).toBe(9);

    const audit = await ctx.audit.list({ limit: 200 });
    const reads = audit.filter((e) => e.action === 'anonymize.readValues');
    expect(reads).toHaveLength(1);
    expect(reads[0]).toMatchObject({
      actor: 'user-officer',
      detail: { dataset: job.id, customers: 9 },
    });
    expect(audit.some((e) => e.action === 'anonymize.download')).toBe(true);

    // Only the privacy officer publishes; nothing can be provided before it is published.
    await expect(publishDataset(ctx, operator, job.id, { method: METHOD })).rejects.toMatchObject({
      code: 'auth.forbidden',
    });
    await createRecipient(ctx, officer, {
      id: 'research-co',
      kind: 'subcontractor',
      legalName: 'Research Co., Ltd.',
      address: '1-1 Otemachi, Chiyoda-ku, Tokyo',
      representative: 'Representative Director',
      country: 'JP',
    });
    await expect(
      provideDataset(ctx, officer, job.id, { recipientId: 'research-co' }),
    ).rejects.toMatchObject({
      code: 'anonymize.not_published',
    });
    expect(await publishedDatasets(ctx)).toEqual([]);
    const published = await publishDataset(ctx, officer, job.id, { method: METHOD });
    expect(published.publication!.items.map((i) => i.en)).toEqual([
      'A random code per person, in place of the customer ID (PPC Rule 34(3))',
      expect.stringMatching(/^Date of birth \(/),
      expect.stringMatching(/^Gender/),
    ]);
    const pages = await publishedDatasets(ctx);
    expect(pages).toHaveLength(1);
    expect(pages[0]).toMatchObject({ name: 'customers-by-birth-year', method: METHOD });
    expect(pages[0]!.items[1]!.ja).toMatch(/^生年月日（/);
    await expect(publishDataset(ctx, officer, job.id, { method: METHOD })).rejects.toMatchObject({
      code: 'anonymize.conflict',
    });

    const provided = await provideDataset(ctx, officer, job.id, { recipientId: 'research-co' });
    expect(provided.recipient.name).toBe('Research Co., Ltd.');
    const records = await anonymizedProvisionsOf(ctx.store.db, job.id);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      id: provided.provisionId,
      recipient_id: 'research-co',
      recipient_name: 'Research Co., Ltd.',
      method: METHOD.en,
    });
    const notices = await datasetNotices(ctx, officer, job.id);
    expect(notices).toHaveLength(1);
    expect(notices[0]!.provision_id).toBe(provided.provisionId);
    expect(notices[0]!.body_en).toContain('It is anonymously processed information');
    expect(notices[0]!.body_en).toContain('Research Co., Ltd.');
    expect(notices[0]!.body_ja).toContain('匿名加工情報です');
    expect(notices[0]!.body_ja).toContain('暗号化したCSVファイル');
  });

  it('refuses bad input with the file, line and field, and publishes nothing', async () => {
    for (let n = 0; n < 4; n++) await person(n);
    // A column named twice: refused before any row is stored.
    const twice = definition(2).replace(
      '  - { name: customer, role: linking-code }\n',
      '  - { name: customer, role: linking-code }\n  - { name: gender, role: insensitive }\n',
    );
    await expect(
      startDatasetJob(ctx, officer, {
        definition: twice,
        file: 'set.yaml',
        files: { 'gender.csv': GENDER },
      }),
    ).rejects.toThrow(/^set\.yaml:10:\d+ attributes\.3\.name: column "gender" is named twice/);
    // k larger than the table: the job fails naming the line of privacy.k.
    const big = await startDatasetJob(ctx, officer, {
      definition: definition(50),
      file: 'set.yaml',
      files: { 'gender.csv': GENDER },
    });
    await big.finished;
    const failed = await readDataset(ctx, officer, big.id);
    expect(failed.state).toBe('failed');
    expect(failed.error).toMatch(
      /^set\.yaml:10:\d+ privacy\.k: k = 50 is larger than the table \(4 rows\)/,
    );
    // A hierarchy missing a value: the job fails naming the attribute's line; the value is not kept.
    await person(9, '回答しない');
    const missing = await startDatasetJob(ctx, officer, {
      definition: definition(2),
      file: 'set.yaml',
      files: { 'gender.csv': GENDER },
    });
    await missing.finished;
    const gap = await readDataset(ctx, officer, missing.id);
    expect(gap.state).toBe('failed');
    expect(gap.error).toMatch(
      /^set\.yaml:9:\d+ attributes\.2\.hierarchy: row \d+, field gender: value "…" is not in its hierarchy/,
    );
    expect(gap.error).not.toContain('回答しない');
    for (const id of [big.id, missing.id]) {
      await expect(publishDataset(ctx, officer, id, { method: METHOD })).rejects.toMatchObject({
        code: 'anonymize.conflict',
      });
    }
    expect(await publishedDatasets(ctx)).toEqual([]);
  });
});
