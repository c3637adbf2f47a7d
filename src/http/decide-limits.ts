import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../app/app-context.ts';
import { clientNetwork, takeRateLimit } from '../requests/index.ts';

/** How much of the public `POST /v1/decide` one client may use (0 turns a limit off). */
export interface DecideLimits {
  /** Calls a minute per anonymous client network: `HOGO_DECIDE_PER_MINUTE`. */
  readonly anonymousPerMinute: number;
  /** Calls at once per anonymous client network on one server: `HOGO_DECIDE_CONCURRENT`. */
  readonly anonymousConcurrent: number;
  /**
   * Anonymous calls at once on one server, all clients together: `HOGO_DECIDE_CONCURRENT_TOTAL`.
   * Many clients of a few calls each would otherwise still fill the server's memory and CPU.
   */
  readonly anonymousConcurrentTotal?: number;
  /** Calls a minute per token; 0 exempts tokens: `HOGO_DECIDE_TOKEN_PER_MINUTE`. */
  readonly tokenPerMinute: number;
}

/** The limits when the environment says nothing: 120 a minute, 4 at once (2 of all), tokens exempt. */
export const DEFAULT_DECIDE_LIMITS: DecideLimits = {
  anonymousPerMinute: 120,
  anonymousConcurrent: 4,
  anonymousConcurrentTotal: 2,
  tokenPerMinute: 0,
};

/** Reads the limits; refuses a value that is not a whole number ≥ 0. */
export function decideLimits(env: NodeJS.ProcessEnv): DecideLimits {
  const read = (name: string, fallback: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 0)
      throw new Error(`${name} must be a whole number ≥ 0 (0 turns the limit off), got '${raw}'`);
    return n;
  };
  return {
    anonymousPerMinute: read('HOGO_DECIDE_PER_MINUTE', DEFAULT_DECIDE_LIMITS.anonymousPerMinute),
    anonymousConcurrent: read('HOGO_DECIDE_CONCURRENT', DEFAULT_DECIDE_LIMITS.anonymousConcurrent),
    anonymousConcurrentTotal: read(
      'HOGO_DECIDE_CONCURRENT_TOTAL',
      DEFAULT_DECIDE_LIMITS.anonymousConcurrentTotal!,
    ),
    tokenPerMinute: read('HOGO_DECIDE_TOKEN_PER_MINUTE', DEFAULT_DECIDE_LIMITS.tokenPerMinute),
  };
}

const MINUTE = 60_000;

/** Answers 429 with Retry-After (RFC 9110 §10.2.3) and an error body naming the limit. */
function tooMany(reply: FastifyReply, retryAfter: number, message: string): FastifyReply {
  return (
    reply
      .status(429)
      .header('retry-after', String(retryAfter))
      // Refused before its body is read: the connection is closed after the answer, so the
      // server does not read (and discard) the megabytes a flooding client still sends.
      .header('connection', 'close')
      .send({ error: { code: 'decide.rate_limited', message } })
  );
}

/**
 * The route hooks that keep one client from flooding the public decision: a per-minute rate
 * counted in the database (so every server sharing it counts together, as the one-time-code
 * limits do) and a per-server count of calls in flight. Both run before the body is read.
 * Anonymous callers count by client network (a keyed hash, never the address itself); a token
 * counts by its principal, or not at all when `tokenPerMinute` is 0.
 */
export function decideLimitHooks(ctx: AppContext | undefined, limits: DecideLimits) {
  const inFlight = new Map<string, number>();
  const counted = new WeakMap<FastifyRequest, string>();
  let allInFlight = 0;
  return {
    async onRequest(request: FastifyRequest, reply: FastifyReply) {
      const principal = request.principal;
      const anonymous = principal === undefined;
      const network = clientNetwork(request.ip);
      if (anonymous) {
        const total = limits.anonymousConcurrentTotal ?? 0;
        if (total > 0 && allInFlight >= total)
          return tooMany(reply, 1, 'the server is busy with other decisions; try again shortly');
        const now = inFlight.get(network) ?? 0;
        if (limits.anonymousConcurrent > 0 && now >= limits.anonymousConcurrent)
          return tooMany(reply, 1, `at most ${limits.anonymousConcurrent} decisions at once`);
        inFlight.set(network, now + 1);
        allInFlight++;
        counted.set(request, network);
      }
      const perMinute = anonymous ? limits.anonymousPerMinute : limits.tokenPerMinute;
      if (ctx === undefined || perMinute === 0) return;
      const who = anonymous ? `ip\u0000${network}` : `principal\u0000${principal.id}`;
      const key = `decide:${ctx.keys.blindIndex('phone', `limit-decide\u0000${who}`).toString('hex')}`;
      const taken = await takeRateLimit(ctx, key, [{ windowMs: MINUTE, max: perMinute }]);
      if (!taken.allowed) {
        const retryAfter = Math.max(1, Math.ceil(taken.retryAfterMs / 1000));
        return tooMany(
          reply,
          retryAfter,
          `at most ${perMinute} decisions a minute; try again in ${retryAfter} s`,
        );
      }
    },
    async onResponse(request: FastifyRequest) {
      const network = counted.get(request);
      if (network === undefined) return;
      counted.delete(request);
      allInFlight--;
      const left = (inFlight.get(network) ?? 1) - 1;
      if (left <= 0) inFlight.delete(network);
      else inFlight.set(network, left);
    },
  };
}
