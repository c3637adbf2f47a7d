import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { noticeBody } from '../notices/test-support.ts';
import { buildApp } from '../http/build-app.ts';
import { createCustomer, type CustomerInput } from '../registry/index.ts';
import { buildCustomer, buildItem, buildPrincipal } from '../registry/test-support.ts';
import type { StaffRoleName } from '../security/principal.ts';
import { createApiToken } from '../security/tokens/create-api-token.ts';
import type { TestEngine } from '../store/test-engines.ts';
import type { CustomerRequest } from './customer-request.ts';
import { requestsDb } from './request-tables.ts';
import { openRequestContext } from './test-support.ts';

/** A registered customer with name, address, e-mail, phone, a service and a line. */
export function buildWebCustomer(email: string, phone = '090-1234-5678') {
  return buildCustomer({
    items: [
      buildItem({ category: 'name', value: '山田　太郎', channel: 'writing' }),
      buildItem({
        category: 'address',
        value: '東京都千代田区大手町１－１－１',
        channel: 'writing',
      }),
      buildItem({ value: email }),
      buildItem({ category: 'phone', value: phone, channel: 'verbal' }),
    ],
    services: [{ name: 'OCN', startedAt: '2023-05-01T10:00:00+09:00' }],
    subscriberLines: [{ number: phone }],
  });
}

/**
 * The real app (buildApp with authentication) over a fresh store of the engine with every
 * table a request touches, API tokens per staff role, and helpers for the privacy center.
 */
export async function openWebTestApp(engine: TestEngine) {
  const ctx = await openRequestContext(engine);
  const app: FastifyInstance = await buildApp({
    policy: ctx.policy,
    context: ctx,
    logLevel: false,
  });
  const tokens = new Map<StaffRoleName, string>();
  for (const role of ['privacyOfficer', 'operator', 'auditor', 'system'] as const) {
    const { secret } = await createApiToken(ctx, { label: `test ${role}`, role }, 'test');
    tokens.set(role, secret);
  }
  const call = (
    method: 'GET' | 'POST',
    url: string,
    options: { token?: string; payload?: object } = {},
  ): Promise<LightMyRequestResponse> =>
    app.inject({
      method,
      url,
      headers: options.token ? { authorization: `Bearer ${options.token}` } : {},
      ...(options.payload !== undefined ? { payload: options.payload } : {}),
    });
  const staff = (role: StaffRoleName = 'operator') => tokens.get(role)!;
  /** One step of a request as the operator (a minute later each: the outbox lists newest first). */
  const staffStep = (id: string, step: string, payload: object = {}) => {
    ctx.clock.advance(60_000);
    return call('POST', `/v1/requests/${id}/${step}`, { token: staff(), payload });
  };
  /**
   * The newest outbox notice as staff read it, with the body the customer receives (from the
   * store: staff never see a one-time code).
   */
  const newestNotice = async () => {
    const list = await call('GET', '/v1/outbox?limit=1', { token: staff() });
    const id = (list.json().notices as { id: string }[])[0]?.id;
    if (id === undefined) return undefined;
    const read = (await call('GET', `/v1/outbox/${id}`, { token: staff() })).json() as {
      id: string;
      to: string;
      body: string;
      lang: string;
      kind: string;
      subject: string;
      requestId?: string;
    };
    return { ...read, staffBody: read.body, body: await noticeBody(ctx, id) };
  };
  /** Verifies the customer at `email` by the code from the outbox; the requester token. */
  const verify = async (email: string, lang: 'en' | 'ja' = 'en'): Promise<string> => {
    const started = await call('POST', '/v1/public/verifications', { payload: { email, lang } });
    const notice = await newestNotice();
    const code = /(\d{6})/.exec(notice?.body ?? '')?.[1] ?? '000000';
    const confirmed = await call(
      'POST',
      `/v1/public/verifications/${started.json().verificationId as string}/confirm`,
      { payload: { code } },
    );
    return confirmed.json().token as string;
  };
  /** A web customer; `services` replaces the one active OCN contract (RETAIN reads them). */
  const createWebCustomer = async (
    email: string,
    phone?: string,
    services?: CustomerInput['services'],
  ) =>
    (
      await createCustomer(ctx, buildPrincipal(), {
        ...buildWebCustomer(email, phone),
        ...(services !== undefined ? { services } : {}),
      })
    ).id;
  /** A request's body as stored, and a way to store another (as an older version wrote it). */
  const storedRequest = async (id: string): Promise<CustomerRequest> => {
    const row = await requestsDb(ctx.store.db)
      .selectFrom('requests')
      .select('body')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    return JSON.parse(row.body) as CustomerRequest;
  };
  const storeRequest = async (id: string, body: object): Promise<void> => {
    await requestsDb(ctx.store.db)
      .updateTable('requests')
      .set({ body: JSON.stringify(body) })
      .where('id', '=', id)
      .execute();
  };
  return {
    ctx,
    app,
    call,
    staff,
    staffStep,
    newestNotice,
    verify,
    createWebCustomer,
    storedRequest,
    storeRequest,
    close: async () => {
      await app.close();
      await ctx.close();
    },
  };
}
