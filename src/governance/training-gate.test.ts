import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openAppTestContext } from '../app/test-context.ts';
import { buildApp } from '../http/build-app.ts';
import { createCustomer } from '../registry/index.ts';
import { buildCustomer, buildPrincipal } from '../registry/test-support.ts';
import { createUser } from '../security/users/create-user.ts';
import { ENGINES } from '../store/test-engines.ts';
import { trainingStatus } from './training-status.ts';
import { trainAll } from './test-support.ts';

const DAY = 86_400_000;

describe.each(ENGINES)('training gates reading values on $name (SECURITY.4)', (engine) => {
  let ctx: Awaited<ReturnType<typeof openAppTestContext>>;
  let app: FastifyInstance;
  let userId: string;
  let customerId: string;
  let password: string;
  beforeEach(async () => {
    ctx = await openAppTestContext(engine);
    const made = await createUser(ctx, { name: 'sato', role: 'operator' }, 'test');
    userId = made.user.id;
    password = made.password;
    customerId = (await createCustomer(ctx, buildPrincipal(), buildCustomer())).id;
    app = await buildApp({ policy: ctx.policy, context: ctx, logLevel: false });
  });
  afterEach(async () => {
    await app.close();
    await ctx.close();
  });

  /** Signs in afresh (the gate is read as the session is used) and reads the customer's values. */
  const readValues = async () => {
    const session = await app.inject({
      method: 'POST',
      url: '/v1/session',
      payload: { name: 'sato', password },
    });
    const token = (session.json() as { token: string }).token;
    return app.inject({
      method: 'GET',
      url: `/v1/customers/${customerId}?values=true&purpose=PURPOSE.REG.1a`,
      headers: { authorization: `Bearer ${token}` },
    });
  };

  it('refuses values to a user who never completed the required course, naming it', async () => {
    const refused = await readValues();
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({
      error: { code: 'auth.training_lapsed', course: 'privacy-basics', lapsedOn: null },
    });
  });

  it('leaves the withheld permission out of who the user is, and the rest in', async () => {
    const session = await app.inject({
      method: 'POST',
      url: '/v1/session',
      payload: { name: 'sato', password },
    });
    const me = await app.inject({
      method: 'GET',
      url: '/v1/me',
      headers: { authorization: `Bearer ${(session.json() as { token: string }).token}` },
    });
    const permissions = (me.json() as { permissions: string[] }).permissions;
    expect(permissions).not.toContain('registry.readValues');
    expect(permissions).toContain('registry.read');
  });

  it('shows values while the training holds, and refuses them once it has lapsed', async () => {
    await trainAll(ctx, userId, 'operator');
    const shown = await readValues();
    expect(shown.statusCode).toBe(200);
    expect(JSON.stringify(shown.json())).toContain('@');
    const [status] = await trainingStatus(ctx, { id: userId, role: 'operator' });
    expect(status).toMatchObject({ courseId: 'privacy-basics', lapsed: false });
    // 12 months' validity: a year and a day later the completion has lapsed.
    ctx.clock.advance(367 * DAY);
    const lapsed = await readValues();
    expect(lapsed.statusCode).toBe(403);
    expect(lapsed.json()).toMatchObject({
      error: {
        code: 'auth.training_lapsed',
        course: 'privacy-basics',
        lapsedOn: status!.validUntil,
      },
    });
    expect((lapsed.json() as { error: { message: string } }).error.message).toContain(
      'lapsed after',
    );
  });
});
