import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openAppTestContext } from '../app/test-context.ts';
import { testApp } from '../http/test-app.ts';
import { createRecipient } from '../provision/create-recipient.ts';
import { insertCustomersBatch, prepareCustomer } from '../registry/index.ts';
import { buildItem, buildPrincipal } from '../registry/test-support.ts';
import { approvedExport } from '../governance/test-support.ts';
import { ENGINES } from '../store/test-engines.ts';

const DEFINITION = `name: members-by-region
source:
  registry:
    group: REG
    categories: [birthDate, address]
    purpose: PURPOSE.REG.3
attributes:
  - { name: customer, role: linking-code }
  - { name: birthDate, role: quasi-identifier, hierarchy: { builtin: date } }
  - { name: address, role: quasi-identifier, hierarchy: { builtin: jp-address } }
privacy: { k: 5 }
`;
const PLACES = ['〒100-0001 東京都千代田区千代田1-', '〒530-0001 大阪府大阪市北区梅田1-'];

describe.each(ENGINES)('anonymized data sets over HTTP on $name', (engine) => {
  let ctx: Awaited<ReturnType<typeof openAppTestContext>>;
  let app: FastifyInstance;
  beforeEach(async () => {
    ctx = await openAppTestContext(engine);
    app = await testApp(ctx);
  });
  afterEach(async () => {
    await app.close();
    await ctx.close();
  });
  const as = (role: string) => ({ 'x-test-role': role });

  it('runs the job, shows its report, publishes on the policy pages in both languages, and provides', async () => {
    const prepared = Array.from({ length: 40 }, (_, n) =>
      prepareCustomer(ctx.policy, {
        group: 'REG',
        items: [
          buildItem({ category: 'birthDate', value: `198${n % 2}-0${1 + (n % 5)}-01` }),
          buildItem({ category: 'address', value: `${PLACES[n % 2]!}${n}` }),
        ],
      }),
    );
    await insertCustomersBatch(ctx, buildPrincipal({ role: 'system' }), prepared);
    const started = await app.inject({
      method: 'POST',
      url: '/v1/anonymized-datasets',
      headers: as('privacyOfficer'),
      payload: { definition: DEFINITION },
    });
    expect(started.statusCode).toBe(202);
    const id = started.json().id as string;
    let view = started.json();
    for (let i = 0; i < 100 && view.state === 'running'; i++) {
      await new Promise((r) => setTimeout(r, 20));
      view = (
        await app.inject({
          method: 'GET',
          url: `/v1/anonymized-datasets/${id}`,
          headers: as('auditor'),
        })
      ).json();
    }
    expect(view).toMatchObject({ state: 'done', rows: 40, error: null });
    expect(view.report.metrics.classSizeHistogram.length).toBeGreaterThan(0);
    expect(Object.keys(view.report.levels)).toEqual(['birthDate', 'address']);

    const policyPage = (lang: string) =>
      app.inject({ method: 'GET', url: `/policy?lang=${lang}` }).then((r) => r.body);
    expect(await policyPage('en')).not.toContain('members-by-region');
    const method = {
      en: 'Provided on request as an encrypted CSV file.',
      ja: 'ご依頼に応じて暗号化したCSVファイルで提供します。',
    };
    const refused = await app.inject({
      method: 'POST',
      url: `/v1/anonymized-datasets/${id}/publish`,
      headers: as('operator'),
      payload: { method },
    });
    expect(refused.statusCode).toBe(403);
    const published = await app.inject({
      method: 'POST',
      url: `/v1/anonymized-datasets/${id}/publish`,
      headers: as('privacyOfficer'),
      payload: { method },
    });
    expect(published.statusCode).toBe(200);
    const en = await policyPage('en');
    expect(en).toContain('members-by-region');
    expect(en).toContain('Anonymously processed information published');
    expect(en).toMatch(/Date of birth \(/);
    expect(en).toMatch(/Address \(/);
    expect(en).toContain(method.en);
    const ja = await policyPage('ja');
    expect(ja).toContain('公表する匿名加工情報');
    expect(ja).toMatch(/生年月日（/);
    expect(ja).toMatch(/住所（/);
    expect(ja).toContain(method.ja);

    await createRecipient(ctx, buildPrincipal({ role: 'privacyOfficer' }), {
      id: 'lab',
      kind: 'subcontractor',
      legalName: 'Lab Research Inc.',
      address: '2-2 Marunouchi, Chiyoda-ku, Tokyo',
      representative: 'CEO',
      country: 'JP',
    });
    const provided = await app.inject({
      method: 'POST',
      url: `/v1/anonymized-datasets/${id}/provisions`,
      headers: as('privacyOfficer'),
      payload: { recipientId: 'lab' },
    });
    expect(provided.statusCode).toBe(201);
    const notices = (
      await app.inject({
        method: 'GET',
        url: `/v1/anonymized-datasets/${id}/notices`,
        headers: as('auditor'),
      })
    ).json().notices;
    expect(notices).toHaveLength(1);
    expect(notices[0].recipient.name).toBe('Lab Research Inc.');
    expect(notices[0].en.body).toContain('anonymously processed information');

    // SECURITY.5: no download without a second person's approval.
    const unapproved = await app.inject({
      method: 'GET',
      url: `/v1/anonymized-datasets/${id}/download`,
      headers: as('privacyOfficer'),
    });
    expect([unapproved.statusCode, unapproved.json().error.code]).toEqual([
      422,
      'approval.required',
    ]);
    const approvalId = await approvedExport(ctx, 'anonymized', id);
    const csv = await app.inject({
      method: 'GET',
      url: `/v1/anonymized-datasets/${id}/download?approvalId=${approvalId}`,
      headers: as('privacyOfficer'),
    });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['hogo-approval-id']).toBe(approvalId);
    expect(csv.body.split('\r\n')[0]).toBe('customer,birthDate,address');
    expect(csv.body).not.toMatch(/千代田1-|梅田1-|〒/);
  });

  it('refuses a definition with a CSV source or an unknown category, naming the line', async () => {
    const csv = await app.inject({
      method: 'POST',
      url: '/v1/anonymized-datasets',
      headers: as('privacyOfficer'),
      payload: {
        definition:
          'name: x\nsource: { csv: a.csv }\nattributes:\n  - { name: a, role: quasi-identifier, hierarchy: { builtin: age } }\nprivacy: { k: 2 }\n',
        file: 'x.yaml',
      },
    });
    expect(csv.statusCode).toBe(400);
    expect(csv.json().error.message).toMatch(
      /^x\.yaml:2:\d+ source: over the API the source is a registry query/,
    );
    const list = await app.inject({
      method: 'GET',
      url: '/v1/anonymized-datasets',
      headers: as('auditor'),
    });
    expect(list.json().datasets).toEqual([]);
  });
});
