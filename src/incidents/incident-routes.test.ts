import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../http/build-app.ts';
import { bundledPolicy } from '../policy/test-support.ts';
import { HOLIDAY_DATA_ENDS } from './japan-calendar.ts';

const app = await buildApp({ policy: bundledPolicy(), logLevel: false });
afterAll(() => app.close());

const duties = (payload: object) =>
  app.inject({ method: 'POST', url: '/v1/incidents/duties', payload });

describe('POST /v1/incidents/duties', () => {
  it('answers an incident of 1,500 customers known 2026-11-02 reportable, with its deadlines', async () => {
    const res = await duties({ knownOn: '2026-11-02', persons: 1500 });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      reportable: true,
      clauses: ['BREACH.PERSONS', 'BREACH.PRELIMINARY', 'BREACH.FINAL', 'BREACH.NOTICE'],
      triggers: ['BREACH.PERSONS'],
      preliminaryDue: '2026-11-04',
      finalDue: '2026-12-01',
      finalDays: 30,
      telecom: null,
    });
  });

  it('answers 400 naming the field of a day that is not a date', async () => {
    const res = await duties({ knownOn: '2026-11-31', persons: 1 });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      error: { code: 'incidents.invalid_date', path: 'knownOn' },
    });
  });

  it('answers 422 when the deadline lies past the holiday calendar', async () => {
    const res = await duties({ knownOn: HOLIDAY_DATA_ENDS, persons: 1, sensitive: true });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ error: { code: 'incidents.calendar_ends' } });
  });

  it('is in the OpenAPI document', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/openapi.json' })).json();
    expect(doc.paths['/v1/incidents/duties'].post.tags).toEqual(['incidents']);
  });
});
