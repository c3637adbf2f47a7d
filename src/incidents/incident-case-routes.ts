import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { requirePermission, type TypeBoxTypeProvider } from '../security/index.ts';
import { fileReport } from './file-report.ts';
import type { IncidentDeps } from './incident-deps.ts';
import { RecordBody } from './incident-routes.ts';
import { listViolations } from './list-violations.ts';
import { showIncident } from './list-incidents.ts';
import { notifyAffected } from './notify-affected.ts';
import { REPORT_ITEMS } from './report-items.ts';
import { reportForm } from './report-form.ts';
import { reportViolation } from './report-violation.ts';
import { triageViolation } from './triage-violation.ts';

/** Whether one more anonymous violation report from this client fits (the adapter counts). */
export type AnonymousReportLimit = (
  request: FastifyRequest,
) => Promise<
  { readonly allowed: true } | { readonly allowed: false; readonly retryAfterMs: number }
>;

const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
const Track = Type.Union([Type.Literal('ppc'), Type.Literal('tba')], {
  description: 'ppc: APPI Art. 26 to the PPC; tba: Telecommunications Business Act Art. 28 to MIC.',
});
const TrackParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }), track: Track });
const Items = Type.Object(
  Object.fromEntries(REPORT_ITEMS.map((k) => [k, Type.Optional(Type.String({ maxLength: 4000 }))])),
  // Unknown items are not stripped but refused by name (readReportItems).
  { description: 'The nine items of PPC Rules Art. 8(1); another key is refused by name.' },
);
const ReportBody = Type.Object(
  {
    track: Track,
    stage: Type.Union([Type.Literal('preliminary'), Type.Literal('final')]),
    items: Items,
  },
  { additionalProperties: false },
);
const NotifyBody = Type.Object(
  { lang: Type.Optional(Type.Union([Type.Literal('en'), Type.Literal('ja')])) },
  { additionalProperties: false },
);
const ViolationBody = Type.Object(
  {
    summary: Type.String({
      minLength: 10,
      maxLength: 4000,
      description: 'What is suspected: what happened, where, when. No one’s address or number.',
    }),
  },
  { additionalProperties: false },
);
const ViolationQuery = Type.Object(
  {
    status: Type.Optional(
      Type.Union([Type.Literal('open'), Type.Literal('incident'), Type.Literal('closed')]),
    ),
  },
  { additionalProperties: false },
);
const TriageBody = Type.Union([
  Type.Object(
    { action: Type.Literal('incident'), incident: RecordBody },
    { additionalProperties: false },
  ),
  Type.Object(
    { action: Type.Literal('incident'), incidentId: Type.String({ minLength: 1, maxLength: 64 }) },
    { additionalProperties: false },
  ),
  Type.Object(
    { action: Type.Literal('close'), reason: Type.String({ minLength: 3, maxLength: 4000 }) },
    { additionalProperties: false },
  ),
]);

const idOf = (request: FastifyRequest) => (request.params as { id: string }).id;

/**
 * One incident over HTTP — its deadlines, the Rule 8 report form and filings on the PPC and TBA
 * tracks, the notices to the persons — and the violation reports (SECURITY.3): by staff, by
 * the anonymous form (rate limited by `anonymousLimit`), and their triage.
 */
export function registerIncidentCaseRoutes(
  fastify: FastifyInstance,
  deps: IncidentDeps,
  options: { readonly anonymousLimit?: AnonymousReportLimit } = {},
): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    '/v1/incidents/:id',
    {
      config: { access: { permission: 'incidents.read' } },
      schema: {
        tags: ['incidents'],
        summary: 'One incident: its duties, deadlines (met or open) and the reports filed.',
        params: IdParams,
      },
    },
    async (request) =>
      showIncident(deps, requirePermission(request, 'incidents.read'), idOf(request)),
  );
  app.get(
    '/v1/incidents/:id/reports/:track',
    {
      config: { access: { permission: 'incidents.read' } },
      schema: {
        tags: ['incidents'],
        summary:
          'The report form of a track: the nine items of PPC Rules Art. 8(1) to file next, and every version filed.',
        params: TrackParams,
      },
    },
    async (request) => {
      const principal = requirePermission(request, 'incidents.read');
      const { id, track } = request.params as Static<typeof TrackParams>;
      return reportForm(deps, principal, id, track);
    },
  );
  app.post(
    '/v1/incidents/:id/reports',
    {
      config: { access: { permission: 'incidents.manage' } },
      schema: {
        tags: ['incidents'],
        summary:
          'File a preliminary or final report (PPC Rules Art. 8; TBA Art. 28): kept as a new version.',
        params: IdParams,
        body: ReportBody,
      },
    },
    async (request, reply) => {
      const principal = requirePermission(request, 'incidents.manage');
      const filed = await fileReport(deps, principal, idOf(request), request.body);
      return reply.code(201).send(filed);
    },
  );
  app.post(
    '/v1/incidents/:id/notices',
    {
      config: { access: { permission: 'incidents.manage' } },
      schema: {
        tags: ['incidents'],
        summary:
          'Tell the persons concerned (APPI Art. 26(2), PPC Rules Art. 10): one notice each into the outbox, never twice.',
        params: IdParams,
        body: NotifyBody,
      },
    },
    async (request) => {
      const principal = requirePermission(request, 'incidents.manage');
      const body = (request.body ?? {}) as Static<typeof NotifyBody>;
      return notifyAffected(deps, principal, idOf(request), body);
    },
  );
  app.post(
    '/v1/violations',
    {
      config: { access: { permission: 'violations.report' } },
      schema: {
        tags: ['incidents'],
        summary: 'Report a suspected violation of the rules (SECURITY.3), as a staff user.',
        body: ViolationBody,
      },
    },
    async (request, reply) => {
      const principal = requirePermission(request, 'violations.report');
      const view = await reportViolation(deps, principal, request.body);
      return reply.code(201).send(view);
    },
  );
  app.post(
    '/v1/public/violations',
    {
      // SECURITY.3: for staff without an account. No one is asked who they are; rate limited.
      config: { access: { public: true } },
      schema: {
        tags: ['incidents'],
        summary:
          'Report a suspected violation anonymously (SECURITY.3): no account, no reporter kept, rate limited.',
        body: ViolationBody,
      },
      onRequest: async (request: FastifyRequest, reply: FastifyReply) => {
        if (options.anonymousLimit === undefined) return;
        const taken = await options.anonymousLimit(request);
        if (taken.allowed) return;
        const retryAfter = Math.max(1, Math.ceil(taken.retryAfterMs / 1000));
        return reply
          .status(429)
          .header('retry-after', String(retryAfter))
          .send({
            error: {
              code: 'violations.rate_limited',
              message: `too many reports from this network; try again in ${retryAfter} s`,
            },
          });
      },
    },
    async (request, reply) => {
      const { id, createdAt } = await reportViolation(deps, null, request.body);
      // The reference only: the queue is for the privacy officers.
      return reply.code(201).send({ id, createdAt });
    },
  );
  app.get(
    '/v1/violations',
    {
      config: { access: { permission: 'incidents.read' } },
      schema: {
        tags: ['incidents'],
        summary: 'The triage queue of violation reports: open first, then newest first.',
        querystring: ViolationQuery,
      },
    },
    async (request) => {
      const principal = requirePermission(request, 'incidents.read');
      return {
        violations: await listViolations(
          deps,
          principal,
          request.query as Static<typeof ViolationQuery>,
        ),
      };
    },
  );
  app.post(
    '/v1/violations/:id/triage',
    {
      config: { access: { permission: 'incidents.manage' } },
      schema: {
        tags: ['incidents'],
        summary:
          'Triage a violation report: turn it into an incident (recorded now, or an id), linked, or close it with a reason.',
        params: IdParams,
        body: TriageBody,
      },
    },
    async (request) => {
      const principal = requirePermission(request, 'incidents.manage');
      return triageViolation(deps, principal, idOf(request), request.body);
    },
  );
}
