import Fastify, { type FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import type { AppContext } from '../app/app-context.ts';
import type { CompiledPolicy } from '../policy/index.ts';
import {
  registerAuthentication,
  registerSecurityRoutes,
  type Authenticate,
} from '../security/index.ts';
import { requireAccessDeclaration, type DeclaredRoute } from './access-guard.ts';
import { validationProblem } from './validation-problem.ts';
import { namingForbiddenKeys } from './json-body-parser.ts';
import { HogoError } from '../errors/index.ts';
import { statusForCode } from './http-error.ts';
import { registerPolicyRoutes } from './policy-routes.ts';
import { registerRegistryRoutes } from '../registry/index.ts';
import { listRecipients, registerProvisionRoutes, type AdsSettings } from '../provision/index.ts';
import { registerGovernanceRoutes, trainingGate } from '../governance/index.ts';
import {
  registerRequestRoutes,
  registerPublicRequestRoutes,
  registerFamilyCallRoutes,
  paperEnclosure,
} from '../requests/index.ts';
import { registerNoticeRoutes } from '../notices/index.ts';
import { registerRetentionRoutes } from '../retention/index.ts';
import {
  registerIncidentCaseRoutes,
  type AnonymousReportLimit,
  registerIncidentRoutes,
  registerStoredIncidentRoutes,
} from '../incidents/index.ts';
import { violationReportLimit } from './violation-limit.ts';
import { registerWebRoutes } from './web-routes.ts';
import { registerAnonymizeRoutes } from '../anonymize/index.ts';
import { registerSecurityHeaders } from './security-headers.ts';
import type { DecideLimits } from './decide-limits.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route with the access it declared (SECURITY.6), in registration order. */
    readonly declaredRoutes: readonly DeclaredRoute[];
  }
}

/** Fastify's own client-error codes, as hogo's stable codes. */
const FASTIFY_CODES: Readonly<Record<string, string>> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'request.invalid_json',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'request.empty_body',
  FST_ERR_CTP_BODY_TOO_LARGE: 'request.too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'request.unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'request.invalid_content_length',
};

export interface AppOptions {
  readonly policy: CompiledPolicy;
  /** pino level, or false for no log (tests). */
  readonly logLevel?: string | false;
  /** The application context; without it, routes that need a permission are refused. */
  readonly context?: AppContext;
  /**
   * Proxies whose X-Forwarded-For is believed for the client IP (HOGO_TRUST_PROXY): addresses
   * or CIDRs, comma-separated; absent, the peer's address is the client's.
   */
  readonly trustProxy?: string;
  /** How much of the public decision one client may use; absent, the defaults. */
  readonly decideLimits?: DecideLimits;
  /** Who asks, in place of the bearer tokens (route tests); absent, the tokens. */
  readonly authenticate?: Authenticate;
  /** Where ad exports go and how long they stay; absent, from the environment. */
  readonly adsSettings?: AdsSettings;
  /** How often the anonymous violation form may be used; absent, from the database's limits. */
  readonly violationLimit?: AnonymousReportLimit;
}

/**
 * The HTTP application. Every route must declare its access: a route registered without
 * `config.access` is refused when the app is built, so no route can forget to authorize.
 */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger:
      options.logLevel === false
        ? false
        : {
            level: options.logLevel ?? 'info',
            // No personal information in logs: requests are logged by method and route only.
            serializers: {
              req: (req) => ({
                method: req.method,
                url: req.routeOptions?.url ?? req.url.split('?')[0],
              }),
            },
          },
    bodyLimit: 1024 * 1024,
    ...(options.trustProxy !== undefined ? { trustProxy: options.trustProxy } : {}),
    // A misspelt or unknown field is refused, never silently dropped (Fastify's default drops it).
    ajv: { customOptions: { keywords: ['errorMessage'], removeAdditional: false } },
  });

  registerSecurityHeaders(app);
  // A prototype key ('__proto__') is refused naming it, not as "Body is not valid JSON".
  const defaultJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser(
    'application/json',
    { parseAs: 'string' },
    namingForbiddenKeys((request, body, done) => defaultJson(request, body, done)),
  );
  const routes = requireAccessDeclaration(app);
  app.decorate('declaredRoutes', routes);
  // SECURITY.4: a staff user whose training lapsed loses what the policy file withholds.
  registerAuthentication(app, options.context, {
    authenticate: options.authenticate,
    gate: options.context ? trainingGate(options.context) : undefined,
  });

  app.setErrorHandler((error, request, reply) => {
    if (error instanceof HogoError) {
      // A fault of the system, not the caller's: logged with its code (the caller sees the code).
      if (error.kind === 'internal') request.log.error({ code: error.code }, 'domain fault');
      return reply.status(statusForCode(error.code)).send({
        error: { code: error.code, message: error.message, ...(error.details ?? {}) },
      });
    }
    const e = error as {
      statusCode?: number;
      code?: string;
      message: string;
      validation?: Parameters<typeof validationProblem>[0];
      validationContext?: string;
    };
    if (e.validation !== undefined) {
      const problem = validationProblem(e.validation, e.validationContext);
      return reply.status(400).send({
        error: {
          code: 'request.invalid',
          message: problem.message,
          field: problem.field,
          ...(e.validationContext !== undefined ? { in: e.validationContext } : {}),
        },
      });
    }
    if (e.statusCode === 413) {
      return reply.status(413).send({ error: { code: 'request.too_large', message: e.message } });
    }
    if (e.statusCode !== undefined && e.statusCode >= 400 && e.statusCode < 500) {
      const code = FASTIFY_CODES[e.code ?? ''] ?? 'request.invalid';
      return reply.status(e.statusCode).send({ error: { code, message: e.message } });
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send({ error: { code: 'internal', message: 'internal error' } });
  });
  app.setNotFoundHandler((request, reply) =>
    reply.status(404).send({
      error: {
        code: 'route.not_found',
        message: `no route ${request.method} ${request.url.split('?')[0]}`,
      },
    }),
  );

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'hogo',
        version: '0.1.0',
        description:
          'The privacy policy as software: decisions on every use and provision of personal information, with the clauses they rest on.',
      },
    },
  });

  app.get(
    '/health',
    { config: { access: { public: true } }, schema: { summary: 'Liveness.' } },
    async () => ({
      status: 'ok',
      policy: options.policy.document.id,
      versions: options.policy.versions.length,
    }),
  );
  app.get(
    '/openapi.json',
    { config: { access: { public: true } }, schema: { hide: true } },
    async () => app.swagger(),
  );
  registerPolicyRoutes(app, options.policy, options.context, options.decideLimits);
  registerIncidentRoutes(app, { policy: options.policy });
  if (options.context) {
    registerSecurityRoutes(app, options.context);
    registerRegistryRoutes(app, options.context);
    registerProvisionRoutes(app, options.context, options.adsSettings);
    registerRequestRoutes(app, options.context);
    registerPublicRequestRoutes(app, options.context);
    registerFamilyCallRoutes(app, options.context);
    const ctx = options.context;
    // A disclosure asked for on paper is printed with its letter (APPI Art. 33(1)).
    registerNoticeRoutes(app, ctx, {
      enclosure: (tx, requestId, actor) => paperEnclosure(ctx, tx, requestId, actor),
    });
    registerRetentionRoutes(app, options.context);
    registerStoredIncidentRoutes(app, options.context);
    registerAnonymizeRoutes(app, options.context);
    registerIncidentCaseRoutes(app, ctx, {
      anonymousLimit: options.violationLimit ?? violationReportLimit(ctx),
    });
    registerGovernanceRoutes(app, {
      ...ctx,
      recipients: (principal) => listRecipients(ctx, principal),
    });
  }
  await registerWebRoutes(app);
  await app.ready();
  return app;
}
