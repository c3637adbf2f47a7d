import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { HogoError } from '../errors/index.ts';
import type { CompiledPolicy } from '../policy/index.ts';
import { requirePermission, type TypeBoxTypeProvider } from '../security/index.ts';
import { breachDuties } from './breach-duties.ts';
import type { IncidentDeps } from './incident-deps.ts';
import { listIncidents } from './list-incidents.ts';
import { recordIncident } from './record-incident.ts';
import { HOLIDAY_DATA_ENDS } from './japan-calendar.ts';

/** What the routes of this slice need: the policy in force, nothing else. */
export interface IncidentRouteDeps {
  readonly policy: CompiledPolicy;
}

const DutiesBody = Type.Object(
  {
    knownOn: Type.String({ description: 'The day the company knew, YYYY-MM-DD in Japan (day 1).' }),
    persons: Type.Integer({ minimum: 0 }),
    sensitive: Type.Optional(Type.Boolean()),
    financial: Type.Optional(Type.Boolean()),
    wrongful: Type.Optional(Type.Boolean()),
    skimming: Type.Optional(Type.Boolean()),
    encrypted: Type.Optional(Type.Boolean()),
    secrecyOfCommunications: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

const DutiesAnswer = Type.Object({
  reportable: Type.Boolean(),
  clauses: Type.Array(Type.String()),
  triggers: Type.Array(Type.String()),
  preliminaryDue: Type.Union([Type.String(), Type.Null()]),
  finalDue: Type.Union([Type.String(), Type.Null()]),
  finalDays: Type.Union([Type.Integer(), Type.Null()]),
  telecom: Type.Union([
    Type.Object({ clause: Type.String(), finalDue: Type.String() }),
    Type.Null(),
  ]),
});

/** The incidents slice over HTTP: `POST /v1/incidents/duties`, what the law requires. */
export function registerIncidentRoutes(fastify: FastifyInstance, deps: IncidentRouteDeps): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.post(
    '/v1/incidents/duties',
    {
      // Facts without an identifier of a person, nothing read or stored: public like a
      // decision on facts (POST /v1/decide).
      config: { access: { public: true } },
      schema: {
        tags: ['incidents'],
        summary:
          'Is such an incident reportable (APPI Art. 26), citing which clauses, and by when?',
        description: `Records nothing. Dates in Japan; the holiday calendar is known to ${HOLIDAY_DATA_ENDS}, later deadlines are refused.`,
        body: DutiesBody,
        response: { 200: DutiesAnswer },
      },
    },
    async (request) => {
      const body = request.body;
      const breach = deps.policy.document.breach;
      if (breach === undefined)
        throw new HogoError('incidents.no_breach_clause', 'the policy file has no breach section');
      return breachDuties(breach, {
        knownOn: body.knownOn,
        persons: body.persons,
        sensitive: body.sensitive === true,
        financial: body.financial === true,
        wrongful: body.wrongful === true,
        skimming: body.skimming === true,
        encrypted: body.encrypted === true,
        secrecyOfCommunications: body.secrecyOfCommunications === true,
      });
    },
  );
}

export const RecordBody = Type.Object(
  {
    knownOn: Type.String({ description: 'The day the company knew, YYYY-MM-DD in Japan (day 1).' }),
    sensitive: Type.Boolean(),
    financial: Type.Boolean(),
    wrongful: Type.Boolean(),
    skimming: Type.Optional(Type.Boolean()),
    encrypted: Type.Boolean(),
    secrecyOfCommunications: Type.Optional(Type.Boolean()),
    affected: Type.Object(
      {
        customerIds: Type.Optional(
          Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { maxItems: 100_000 }),
        ),
        categories: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 64 }))),
        acquiredFrom: Type.Optional(Type.String()),
        acquiredBefore: Type.Optional(Type.String()),
      },
      { additionalProperties: false, description: 'Whose data: a registry query, counted.' },
    ),
  },
  { additionalProperties: false },
);

/** Recorded incidents over HTTP: record one (people counted from the registry) and list them. */
export function registerStoredIncidentRoutes(fastify: FastifyInstance, deps: IncidentDeps): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.post(
    '/v1/incidents',
    {
      config: { access: { permission: 'incidents.manage' } },
      schema: {
        tags: ['incidents'],
        summary:
          'Record an incident: the people affected counted from the registry, the duties decided.',
        body: RecordBody,
      },
    },
    async (request, reply) => {
      const principal = requirePermission(request, 'incidents.manage');
      const view = await recordIncident(deps, principal, request.body);
      return reply.code(201).send(view);
    },
  );
  app.get(
    '/v1/incidents',
    {
      config: { access: { permission: 'incidents.read' } },
      schema: {
        tags: ['incidents'],
        summary: 'Recorded incidents, newest first, with their due status.',
      },
    },
    async (request) => {
      const principal = requirePermission(request, 'incidents.read');
      return { incidents: await listIncidents(deps, principal) };
    },
  );
}
