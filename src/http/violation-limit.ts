import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../app/app-context.ts';
import type { AnonymousReportLimit } from '../incidents/index.ts';
import { clientNetwork, takeRateLimit } from '../requests/index.ts';

const HOUR = 3_600_000;

/**
 * How many anonymous violation reports (SECURITY.3) one client network may send: 5 an hour,
 * 20 a day, counted in the database like the one-time-code limits, by a keyed hash of the
 * network (never the address itself, so the form stays anonymous).
 */
export function violationReportLimit(ctx: AppContext): AnonymousReportLimit {
  return async (request: FastifyRequest) => {
    const network = clientNetwork(request.ip);
    const key = `violation:${ctx.keys.blindIndex('phone', `limit-violation\u0000${network}`).toString('hex')}`;
    return takeRateLimit(ctx, key, [
      { windowMs: HOUR, max: 5 },
      { windowMs: 24 * HOUR, max: 20 },
    ]);
  };
}
