import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../app/app-context.ts';
import {
  decide,
  DecisionOutcomeSchema,
  isDecisionError,
  parseInstant,
  type CompiledPolicy,
  policyAt,
  renderPolicy,
} from '../policy/index.ts';
import { CustomerDecisionSchema, decideMixed, isCustomerForm } from '../registry/index.ts';
import { publishedDatasets } from '../anonymize/index.ts';
import { HogoError } from '../errors/index.ts';
import { ErrorBodySchema } from './http-error.ts';
import { documentCsp } from './security-headers.ts';
import { countTopLevel } from './count-top-level.ts';
import { DECIDE_CHUNK, decideInChunks, parseInChunks } from './decide-in-chunks.ts';
import { topLevelSlices } from './top-level-slices.ts';
import { namingForbiddenKeys } from './json-body-parser.ts';
import { DEFAULT_DECIDE_LIMITS, decideLimitHooks, type DecideLimits } from './decide-limits.ts';

/** Most requests one POST /v1/decide may carry. */
export const MAX_BATCH = 10_000;

/** The largest body: a full batch of requests near their fields' length limits fits. */
const DECIDE_BODY_LIMIT = 16 * 1024 * 1024;

const AtQuery = Type.Object({
  at: Type.Optional(
    Type.String({ description: 'A date (YYYY-MM-DD, policy time zone) or an ISO 8601 date-time.' }),
  ),
});

/** Reads `?at=`: a date in the policy's zone or a date-time; now when absent. */
function instantFrom(policy: CompiledPolicy, at: string | undefined): number {
  if (at === undefined) return Date.now();
  try {
    if (!/^\d{4}-\d{2}-\d{2}(T.+)?$/.test(at)) throw new Error();
    return parseInstant(at, policy.offset);
  } catch {
    throw new HogoError(
      'request.invalid_date',
      `at must be YYYY-MM-DD or an ISO 8601 date-time, got '${at}'`,
      { path: 'at' },
    );
  }
}

/**
 * The policy core over HTTP: decisions and the policy itself, as data and as a page. With the
 * application context, `POST /v1/decide` also takes requests that name a registered customer
 * and item (`customerId`, `itemId`) instead of the facts; those need 'decide.customer'.
 */
export function registerPolicyRoutes(
  app: FastifyInstance,
  policy: CompiledPolicy,
  ctx?: AppContext,
  limits: DecideLimits = DEFAULT_DECIDE_LIMITS,
): void {
  const oneRequest = Type.Union([policy.requestSchema, CustomerDecisionSchema]);
  const hooks = decideLimitHooks(ctx, limits);
  const parseJson = namingForbiddenKeys(app.getDefaultJsonParser('error', 'error'));
  // Its own scope: the decision's JSON parser refuses an oversized batch before parsing it.
  void app.register(async (scope) => {
    scope.removeContentTypeParser('application/json');
    scope.addContentTypeParser(
      'application/json',
      { parseAs: 'string', bodyLimit: DECIDE_BODY_LIMIT },
      (request, body, done) => {
        const count = countTopLevel(body as string, MAX_BATCH);
        if (count > MAX_BATCH) {
          done(
            new HogoError('request.too_large', `at most ${MAX_BATCH} requests per call, got more`),
            undefined,
          );
          return;
        }
        const slices = topLevelSlices(body as string, DECIDE_CHUNK);
        if (slices === null || slices.length <= 1) {
          parseJson(request, body as string, done);
          return;
        }
        // A large batch is parsed run by run, yielding between runs (each by the same parser,
        // so a forbidden key is refused as it would be in one piece).
        const parseSlice = (text: string): unknown => {
          let parsed: unknown;
          parseJson(request, text, (err, value) => {
            if (err) throw err;
            parsed = value;
          });
          return parsed;
        };
        parseInChunks(slices, parseSlice).then(
          (value) => done(null, value),
          (err: Error) => done(err, undefined),
        );
      },
    );
    scope.post(
      '/v1/decide',
      {
        onRequest: hooks.onRequest,
        onResponse: hooks.onResponse,
        onRequestAbort: hooks.onResponse,
        // Decisions on facts the caller supplies carry no identifier of a person: public. The
        // by-customer form reads the registry: the handler requires 'decide.customer' for it.
        config: { access: { public: true } },
        bodyLimit: DECIDE_BODY_LIMIT,
        // The engine validates each request itself, so that one malformed request in a batch
        // gets an error in its place while the others are still answered.
        validatorCompiler: () => () => true,
        schema: {
          summary: 'May we use this? One decision request, or an array of them.',
          description: `At most ${MAX_BATCH} requests per call; facts and by-customer forms may be mixed. See docs/decision-format.md.`,
          body: Type.Union([oneRequest, Type.Array(oneRequest)]),
          response: {
            200: Type.Union([DecisionOutcomeSchema, Type.Array(DecisionOutcomeSchema)]),
            400: ErrorBodySchema,
            413: ErrorBodySchema,
            429: ErrorBodySchema,
          },
        },
      },
      async (request, reply) => {
        const body = request.body;
        if (Array.isArray(body)) {
          if (body.length > MAX_BATCH) {
            throw new HogoError(
              'request.too_large',
              `at most ${MAX_BATCH} requests per call, got ${body.length}`,
            );
          }
          if (!body.some(isCustomerForm))
            // Sent as the bytes encoded run by run: no long synchronous step (see decideInChunks).
            return reply
              .type('application/json; charset=utf-8')
              .send(await decideInChunks(policy, body));
          return decideMixed(request.principal, policy, ctx, body);
        }
        if (isCustomerForm(body)) {
          const [outcome] = await decideMixed(request.principal, policy, ctx, [body]);
          // One request: its error is the answer's status (404 for an unknown customer or item).
          if (isDecisionError(outcome!)) {
            const { code, message, path } = outcome.error;
            throw new HogoError(code, message, { path });
          }
          return outcome;
        }
        const outcome = decide(policy, body);
        return reply.status(isDecisionError(outcome) ? 400 : 200).send(outcome);
      },
    );
  });

  app.get(
    '/v1/policy',
    {
      config: { access: { public: true } },
      schema: { summary: 'The policy in force at a date, as data.', querystring: AtQuery },
    },
    async (request) => policyAt(policy, instantFrom(policy, (request.query as { at?: string }).at)),
  );

  app.get(
    '/policy',
    {
      config: { access: { public: true } },
      schema: {
        summary: 'The public policy page, generated from the enforced policy file.',
        querystring: Type.Object({
          lang: Type.Optional(Type.Union([Type.Literal('en'), Type.Literal('ja')])),
          format: Type.Optional(Type.Union([Type.Literal('html'), Type.Literal('md')])),
          at: AtQuery.properties.at,
          embed: Type.Optional(
            Type.Boolean({
              description: 'Shown inside a page with its own language switch: leave it out.',
            }),
          ),
        }),
      },
    },
    async (request, reply) => {
      const q = request.query as {
        lang?: 'en' | 'ja';
        format?: 'html' | 'md';
        at?: string;
        embed?: boolean;
      };
      const format = q.format ?? 'html';
      const page = renderPolicy(policy, {
        lang: q.lang ?? 'en',
        format,
        at: instantFrom(policy, q.at),
        // The switch to the other language keeps the date asked for.
        ...(q.at !== undefined ? { query: { at: q.at } } : {}),
        embedded: q.embed === true,
        // APPI Art. 43(3), 44: the data sets published, with their items and method.
        ...(ctx !== undefined ? { anonymizedDatasets: await publishedDatasets(ctx) } : {}),
      });
      return (
        reply
          // The privacy center frames the embedded text (same origin); nobody frames the rest.
          .header('content-security-policy', documentCsp(q.embed === true ? "'self'" : "'none'"))
          .header('x-frame-options', q.embed === true ? 'SAMEORIGIN' : 'DENY')
          .type(format === 'html' ? 'text/html; charset=utf-8' : 'text/markdown; charset=utf-8')
          .send(page)
      );
    },
  );
}
