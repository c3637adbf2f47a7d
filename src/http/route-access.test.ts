import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { allMigrations } from '../app/migrations.ts';
import { bundledPolicy } from '../policy/test-support.ts';
import { createAuditLog } from '../security/audit/create-audit-log.ts';
import { createKeyService } from '../security/keys/create-key-service.ts';
import {
  ROLE_NAMES,
  ROLE_PERMISSIONS,
  type Permission,
  type RoleName,
} from '../security/principal.ts';
import { issueRequesterToken } from '../security/requesters/issue-requester-token.ts';
import { testClock, testKeyring } from '../security/test-support.ts';
import { createApiToken } from '../security/tokens/create-api-token.ts';
import { migrateToLatest } from '../store/migrate.ts';
import { ENGINES } from '../store/test-engines.ts';
import type { Store } from '../store/store.ts';
import { buildApp } from './build-app.ts';

/** What a test reads of a listed notice. */
type NoticeRow = { id: string; kind: string; customerId: string };

/** A path with its parameters filled, so that the route (not the 404 handler) answers. */
const concrete = (url: string) => url.replace(/:(\w+)/g, 'x-$1');

describe.each(ENGINES)('every route × every role on $name (SECURITY.6)', (engine) => {
  let store: Store;
  let app: FastifyInstance;
  const tokens = new Map<RoleName, string>();
  let requesterToken: string;

  beforeAll(async () => {
    store = await engine.open();
    await migrateToLatest(store, allMigrations);
    const clock = testClock();
    const audit = createAuditLog(store, { clock });
    const context = {
      store,
      policy: bundledPolicy(),
      keys: await createKeyService(store, testKeyring(), { clock }),
      audit,
      clock,
    };
    for (const role of ROLE_NAMES) {
      const { secret } = await createApiToken(
        { store, audit, clock },
        { label: `matrix ${role}`, role },
        'test',
      );
      tokens.set(role, secret);
    }
    // REQUEST.WEB: a customer's requester token, as a one-time code gives it.
    requesterToken = (await issueRequesterToken(store.db, 'x-customer', clock())).token;
    app = await buildApp({ policy: context.policy, context, logLevel: false });
  });
  afterAll(async () => {
    await app?.close();
    await store?.close();
  });

  it('declares access on every route, and the table covers the API', () => {
    const urls = app.declaredRoutes.map((r) => `${r.method} ${r.url}`);
    expect(urls).toEqual(
      expect.arrayContaining([
        'POST /v1/decide',
        'POST /v1/incidents/duties',
        'GET /v1/incidents/:id',
        'POST /v1/incidents/:id/reports',
        'POST /v1/incidents/:id/notices',
        'POST /v1/public/violations',
        'POST /v1/violations/:id/triage',
        'GET /v1/customers',
        'GET /v1/audit',
        'GET /v1/ads/exports',
        'GET /v1/ads/exports/:id',
        'POST /v1/customers/:id/holds',
        'POST /v1/retention/purge',
        'POST /v1/anonymized-datasets',
        'POST /v1/anonymized-datasets/:id/publish',
        'GET /v1/export-approvals',
        'POST /v1/export-approvals/:id/approve',
        'GET /v1/countries',
        'GET /v1/inspections',
        'POST /v1/inspections/:id/answers',
        'POST /v1/inspection-follow-ups/:id/close',
        'GET /v1/training',
        'POST /v1/training/completions',
      ]),
    );
    expect(app.declaredRoutes.length).toBeGreaterThan(20);
  });

  it('answers each role as its permissions say, and 401 without a token', async () => {
    const rows: string[] = [];
    for (const route of app.declaredRoutes) {
      const url = concrete(route.url);
      const call = (token?: string) =>
        app.inject({
          method: route.method as 'GET',
          url,
          headers: token ? { authorization: `Bearer ${token}` } : {},
          ...(route.method === 'GET' || route.method === 'DELETE' ? {} : { payload: {} }),
        });
      const anonymous = (await call()).statusCode;
      if ('public' in route.access) {
        expect([route.url, anonymous === 401 || anonymous === 403]).toEqual([route.url, false]);
        continue;
      }
      expect([route.method, route.url, anonymous]).toEqual([route.method, route.url, 401]);
      for (const role of ROLE_NAMES) {
        const status = (await call(tokens.get(role))).statusCode;
        const allowed = ROLE_PERMISSIONS[role].has(route.access.permission as Permission);
        const got = status === 401 || status === 403 ? 'deny' : 'allow';
        rows.push(`${route.method} ${route.url} ${role}: ${got}`);
        expect(`${route.method} ${route.url} ${role}: ${got}`).toBe(
          `${route.method} ${route.url} ${role}: ${allowed ? 'allow' : 'deny'}`,
        );
      }
    }
    expect(rows.length).toBeGreaterThan(40);
  });

  it('accepts a requester token on the customer’s own request routes only (REQUEST.WEB)', async () => {
    const own: string[] = [];
    const signOut = 'DELETE /v1/public/session';
    for (const route of app.declaredRoutes) {
      if ('public' in route.access) continue;
      // Signing out ends the token: tried last, below.
      if (`${route.method} ${route.url}` === signOut) continue;
      const status = (
        await app.inject({
          method: route.method as 'GET',
          url: concrete(route.url),
          headers: { authorization: `Bearer ${requesterToken}` },
          ...(route.method === 'GET' || route.method === 'DELETE' ? {} : { payload: {} }),
        })
      ).statusCode;
      const allowed = route.access.permission === 'requests.own';
      if (allowed) own.push(`${route.method} ${route.url}`);
      // Elsewhere the token is unknown (401), never a principal that a role check might let by.
      expect(`${route.method} ${route.url}: ${status}`).toMatch(
        allowed ? /: (200|201|400|404|409)$/ : /: 401$/,
      );
    }
    expect(own.sort()).toEqual([
      'GET /v1/public/requests',
      'GET /v1/public/requests/:id',
      'GET /v1/public/requests/:id/package',
      'POST /v1/public/requests',
    ]);
    const bearer = { authorization: `Bearer ${requesterToken}` };
    const out = await app.inject({ method: 'DELETE', url: '/v1/public/session', headers: bearer });
    expect(out.statusCode).toBe(204);
    const after = await app.inject({ method: 'GET', url: '/v1/public/requests', headers: bearer });
    expect(after.statusCode).toBe(401);
  });

  it('holds the matrix the policy office expects for the sensitive routes', async () => {
    const status = async (method: string, url: string, role: RoleName) =>
      (
        await app.inject({
          method: method as 'GET',
          url,
          headers: { authorization: `Bearer ${tokens.get(role)}` },
          ...(method === 'GET' ? {} : { payload: {} }),
        })
      ).statusCode;
    // An auditor reads the audit log but never writes customers; a system never manages users.
    expect(await status('GET', '/v1/audit', 'auditor')).toBe(200);
    expect(await status('POST', '/v1/customers', 'auditor')).toBe(403);
    expect(await status('GET', '/v1/users', 'system')).toBe(403);
    expect(await status('GET', '/v1/audit', 'operator')).toBe(403);
    expect(await status('GET', '/v1/users', 'privacyOfficer')).toBe(200);
    // The outbox and family callers: privacy officer and operator; never auditor or system.
    expect(await status('GET', '/v1/outbox', 'operator')).toBe(200);
    expect(await status('GET', '/v1/outbox', 'privacyOfficer')).toBe(200);
    expect(await status('GET', '/v1/outbox', 'auditor')).toBe(403);
    expect(await status('GET', '/v1/outbox', 'system')).toBe(403);
    expect(await status('POST', '/v1/family-calls', 'auditor')).toBe(403);
    expect(await status('POST', '/v1/family-calls', 'system')).toBe(403);
    expect(await status('POST', '/v1/family-calls', 'operator')).toBe(400);
    // A package holds personal values: never for the auditor, who may read requests.
    expect(await status('GET', '/v1/requests/x/package', 'auditor')).toBe(403);
    expect(await status('GET', '/v1/requests/x/package', 'operator')).toBe(404);
    // The privacy center's identity check is public; the customer's own routes are not.
    expect(await status('GET', '/v1/public/requests', 'privacyOfficer')).toBe(403);
    // §6 JOINT_USE: the privacy officer keeps the register, staff read it, anyone reads it
    // published; the provision ledger is searched by those who read provisions.
    expect(await status('POST', '/v1/joint-uses', 'operator')).toBe(403);
    expect(await status('POST', '/v1/joint-uses', 'auditor')).toBe(403);
    expect(await status('POST', '/v1/joint-uses', 'privacyOfficer')).toBe(400);
    expect(await status('GET', '/v1/joint-uses', 'auditor')).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/v1/public/joint-uses' })).statusCode).toBe(
      200,
    );
    expect(await status('GET', '/v1/provisions?limit=10', 'auditor')).toBe(200);
    expect(await status('GET', '/v1/provisions?limit=10', 'operator')).toBe(
      ROLE_PERMISSIONS.operator.has('provision.read') ? 200 : 403,
    );
    // §8 ADS: exports are started by those who export; their receipts read by those who read
    // provisions, one at a time or as a list.
    expect(await status('GET', '/v1/ads/exports', 'auditor')).toBe(200);
    expect(await status('GET', '/v1/ads/exports?limit=10', 'operator')).toBe(200);
    expect(await status('GET', '/v1/ads/exports', 'system')).toBe(200);
    expect(await status('POST', '/v1/ads/exports', 'auditor')).toBe(403);
    expect(await status('POST', '/v1/ads/exports', 'operator')).toBe(403);
    // The web pages are public like the policy page (the API behind them authorizes); every
    // path under /console/ answers the console's page.
    // APPI Art. 26: the privacy officer records incidents; the auditor reads them; no one else.
    expect(await status('POST', '/v1/incidents', 'privacyOfficer')).toBe(400);
    expect(await status('POST', '/v1/incidents', 'operator')).toBe(403);
    expect(await status('POST', '/v1/incidents', 'auditor')).toBe(403);
    expect(await status('GET', '/v1/incidents', 'auditor')).toBe(200);
    expect(await status('GET', '/v1/incidents', 'system')).toBe(403);
    // §7 ANONYMIZED: only the privacy officer publishes and provides; the auditor reads.
    expect(await status('POST', '/v1/anonymized-datasets/x/publish', 'privacyOfficer')).toBe(400);
    expect(await status('POST', '/v1/anonymized-datasets/x/publish', 'operator')).toBe(403);
    expect(await status('POST', '/v1/anonymized-datasets/x/provisions', 'system')).toBe(403);
    expect(await status('GET', '/v1/anonymized-datasets', 'auditor')).toBe(200);
    expect(await status('GET', '/v1/anonymized-datasets/x/download', 'auditor')).toBe(403);
    // The report form, filings and notices: read by the auditor, filed and sent by the privacy
    // officer only. SECURITY.3: every staff user reports a violation; the privacy officers triage.
    expect(await status('GET', '/v1/incidents/x/reports/ppc', 'auditor')).toBe(404);
    expect(await status('POST', '/v1/incidents/x/reports', 'auditor')).toBe(403);
    expect(await status('POST', '/v1/incidents/x/notices', 'operator')).toBe(403);
    expect(await status('POST', '/v1/incidents/x/notices', 'privacyOfficer')).toBe(404);
    expect(await status('POST', '/v1/violations', 'operator')).toBe(400);
    expect(await status('POST', '/v1/violations', 'auditor')).toBe(400);
    expect(await status('POST', '/v1/violations', 'system')).toBe(403);
    expect(await status('GET', '/v1/violations', 'operator')).toBe(403);
    expect(await status('POST', '/v1/violations/x/triage', 'auditor')).toBe(403);
    expect(
      (await app.inject({ method: 'POST', url: '/v1/public/violations', payload: {} })).statusCode,
    ).toBe(400);
    // SECURITY.5: only a privacy officer approves another's take-out; SECURITY.7: the country
    // register is read by those who read provisions.
    expect(await status('POST', '/v1/export-approvals/x/approve', 'privacyOfficer')).toBe(404);
    expect(await status('POST', '/v1/export-approvals/x/approve', 'operator')).toBe(403);
    expect(await status('POST', '/v1/export-approvals/x/approve', 'system')).toBe(403);
    expect(await status('GET', '/v1/countries', 'auditor')).toBe(200);
    // SECURITY.3: privacy officers and auditors inspect; the operator and the system do not.
    expect(await status('GET', '/v1/inspections', 'auditor')).toBe(200);
    expect(await status('GET', '/v1/inspections', 'operator')).toBe(403);
    expect(await status('POST', '/v1/inspections', 'auditor')).toBe(400);
    expect(await status('POST', '/v1/inspections', 'operator')).toBe(403);
    expect(await status('POST', '/v1/inspections/x/close', 'privacyOfficer')).toBe(404);
    expect(await status('POST', '/v1/inspections/x/close', 'system')).toBe(403);
    expect(await status('POST', '/v1/inspection-follow-ups/x/close', 'auditor')).toBe(404);
    // SECURITY.4: only the privacy officer sees staff training and records a completion.
    expect(await status('GET', '/v1/training', 'privacyOfficer')).toBe(200);
    expect(await status('GET', '/v1/training', 'auditor')).toBe(403);
    expect(await status('POST', '/v1/training/completions', 'privacyOfficer')).toBe(400);
    expect(await status('POST', '/v1/training/completions', 'operator')).toBe(403);
    for (const url of ['/', '/console/', '/console/requests/x'])
      expect([url, (await app.inject({ method: 'GET', url })).statusCode]).toEqual([url, 200]);
  });

  it('answers a principal whose scope names customer groups as if other customers did not exist (SECURITY.6)', async () => {
    const clock = testClock();
    const { secret: othToken } = await createApiToken(
      { store, audit: createAuditLog(store, { clock }), clock },
      { label: 'matrix OTH operator', role: 'operator', groups: ['OTH'] },
      'test',
    );
    const as = (token: string, method: 'GET' | 'POST', url: string, payload?: object) =>
      app.inject({
        method,
        url,
        headers: { authorization: `Bearer ${token}` },
        ...(payload !== undefined ? { payload } : {}),
      });
    const officer = tokens.get('privacyOfficer')!;
    const created = await as(officer, 'POST', '/v1/customers', {
      group: 'REG',
      externalId: 'matrix-groups-reg',
      items: [
        {
          category: 'email',
          value: 'matrix.groups@example.jp',
          channel: 'electronic',
          source: 'direct',
          acquiredAt: '2023-05-01T10:00:00+09:00',
        },
      ],
    });
    expect(created.statusCode).toBe(201);
    const { id, itemIds } = created.json() as { id: string; itemIds: string[] };
    const outside = [
      ['GET', `/v1/customers/${id}?values=false`],
      ['GET', `/v1/customers/${id}?purpose=PURPOSE.REG.1a`],
      ['GET', `/v1/items/${itemIds[0]}/history?values=false`],
      [
        'POST',
        `/v1/customers/${id}/consents`,
        { purpose: 'PURPOSE.REG.5', at: '2025-01-01T00:00:00+09:00' },
      ],
      ['POST', '/v1/decide', { customerId: id, itemId: itemIds[0], purpose: 'PURPOSE.REG.1a' }],
    ] as const;
    for (const [method, url, payload] of outside) {
      const res = await as(othToken, method, url, payload);
      expect([method, url, res.statusCode, res.json().error?.code]).toEqual([
        method,
        url,
        404,
        'registry.not_found',
      ]);
      // The officer of every group is answered.
      expect([method, url, (await as(officer, method, url, payload)).statusCode]).not.toContain(
        404,
      );
    }
    const list = await as(othToken, 'GET', '/v1/customers?externalId=matrix-groups-reg');
    expect(list.json().customers).toEqual([]);
    const found = await as(officer, 'GET', '/v1/customers?externalId=matrix-groups-reg');
    expect(found.json().customers.map((c: { id: string }) => c.id)).toEqual([id]);

    // The ledger, the outbox and incidents (SECURITY.6): an officer of the OTH group only.
    const { secret: othOfficer } = await createApiToken(
      { store, audit: createAuditLog(store, { clock }), clock },
      { label: 'matrix OTH officer', role: 'privacyOfficer', groups: ['OTH'] },
      'test',
    );
    const incident = {
      knownOn: '2026-01-05',
      sensitive: true,
      financial: false,
      wrongful: false,
      encrypted: false,
      affected: { customerIds: [id] },
    };
    const refused = await as(othOfficer, 'POST', '/v1/incidents', incident);
    expect([refused.statusCode, refused.json().error?.code]).toEqual([
      403,
      'registry.needs_every_group',
    ]);
    const recorded = await as(officer, 'POST', '/v1/incidents', incident);
    expect(recorded.statusCode).toBe(201);
    const incidentId = (recorded.json() as { id: string }).id;
    const told = await as(othOfficer, 'POST', `/v1/incidents/${incidentId}/notices`, {});
    expect([told.statusCode, told.json().error?.code]).toEqual([403, 'registry.needs_every_group']);
    expect((await as(officer, 'POST', `/v1/incidents/${incidentId}/notices`, {})).statusCode).toBe(
      200,
    );
    const breachNotices = async (token: string) =>
      ((await as(token, 'GET', '/v1/outbox?limit=500')).json().notices as NoticeRow[]).filter(
        (n) => n.kind === 'incident.breach' && n.customerId === id,
      );
    const notices = await breachNotices(officer);
    expect(notices.length).toBe(1);
    expect(await breachNotices(othOfficer)).toEqual([]);
    const one = await as(othOfficer, 'GET', `/v1/outbox/${notices[0]!.id}`);
    expect([one.statusCode, one.json().error?.code]).toEqual([404, 'notices.not_found']);
    const ledger = await as(othOfficer, 'GET', `/v1/provisions?customerId=${id}`);
    expect([ledger.statusCode, ledger.json().records]).toEqual([200, []]);
  });
});
