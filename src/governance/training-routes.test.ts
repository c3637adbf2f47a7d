import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openAppTestContext } from '../app/test-context.ts';
import { testApp } from '../http/test-app.ts';
import { createUser } from '../security/users/create-user.ts';
import { ENGINES } from '../store/test-engines.ts';

const DAY = 86_400_000;

describe.each(ENGINES)('training over HTTP on $name (SECURITY.4)', (engine) => {
  let ctx: Awaited<ReturnType<typeof openAppTestContext>>;
  let app: FastifyInstance;
  let userId: string;
  beforeEach(async () => {
    // 2026-12-06 08:00 in Japan.
    ctx = await openAppTestContext(engine, { now: Date.parse('2026-12-05T23:00:00Z') });
    userId = (await createUser(ctx, { name: 'sato', role: 'operator' }, 'test')).user.id;
    await createUser(ctx, { name: 'kato', role: 'auditor' }, 'test');
    app = await testApp(ctx);
  });
  afterEach(async () => {
    await app.close();
    await ctx.close();
  });
  const officer = { 'x-test-role': 'privacyOfficer' };
  const overview = async () =>
    (await app.inject({ method: 'GET', url: '/v1/training', headers: officer })).json() as {
      courses: { id: string }[];
      users: { name: string; courses: { state: string; validUntil: string | null }[] }[];
    };
  const sato = async () => (await overview()).users.find((u) => u.name === 'sato')!;

  it('shows each user as never trained, valid until a day, then lapsed', async () => {
    const first = await overview();
    expect(first.courses.map((c) => c.id)).toEqual(['privacy-basics']);
    // The auditor's role holds no required course.
    expect(first.users.find((u) => u.name === 'kato')!.courses).toEqual([]);
    expect((await sato()).courses).toMatchObject([{ state: 'never', validUntil: null }]);
    const recorded = await app.inject({
      method: 'POST',
      url: '/v1/training/completions',
      headers: officer,
      payload: { userId, courseId: 'privacy-basics', completedOn: '2026-12-06' },
    });
    expect(recorded.statusCode).toBe(201);
    expect((await sato()).courses).toMatchObject([{ state: 'valid', validUntil: '2027-12-06' }]);
    ctx.clock.advance(366 * DAY);
    expect((await sato()).courses).toMatchObject([{ state: 'lapsed' }]);
  });

  it('refuses a completion of an unknown user, course or a day to come, naming the field', async () => {
    const record = (payload: object) =>
      app.inject({ method: 'POST', url: '/v1/training/completions', headers: officer, payload });
    const cases: [object, string, string][] = [
      [
        { userId: 'nobody', courseId: 'privacy-basics', completedOn: '2026-12-01' },
        'training.unknown_user',
        'userId',
      ],
      [
        { userId, courseId: 'cooking', completedOn: '2026-12-01' },
        'training.unknown_course',
        'courseId',
      ],
      [
        { userId, courseId: 'privacy-basics', completedOn: '2026-12-07' },
        'training.invalid_date',
        'completedOn',
      ],
    ];
    for (const [payload, code, field] of cases) {
      const res = await record(payload);
      expect([res.statusCode, res.json()]).toMatchObject([400, { error: { code, field } }]);
    }
  });
});
