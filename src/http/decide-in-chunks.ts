import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { decideBatch, type CompiledPolicy } from '../policy/index.ts';

/** Requests decided (and answers serialized) between two turns of the event loop. */
export const DECIDE_CHUNK = 500;

/**
 * Decides a batch of facts-form requests in runs of `DECIDE_CHUNK`, each run's outcomes
 * serialized and encoded at once, yielding to the event loop between runs: a 10,000-request
 * batch never holds the server for one long synchronous step, so `/health` and other callers
 * are answered meanwhile. Returns the JSON array of the outcomes, in order, as UTF-8 bytes:
 * encoded run by run, since the socket would otherwise encode the whole text (megabytes) in
 * one step as it writes it. Every request is decided at the same instant, as `decideBatch`
 * does.
 */
export async function decideInChunks(
  policy: CompiledPolicy,
  requests: readonly unknown[],
): Promise<Buffer> {
  const now = Date.now();
  const parts: Buffer[] = [];
  for (let i = 0; i < requests.length; i += DECIDE_CHUNK) {
    if (i > 0) await yieldToLoop();
    const json = JSON.stringify(decideBatch(policy, requests.slice(i, i + DECIDE_CHUNK), { now }));
    // Each run's array, its brackets replaced: '[' before the first, ',' between, ']' after.
    const bytes = Buffer.from(json, 'utf8');
    bytes[0] = i === 0 ? OPEN : COMMA;
    parts.push(i + DECIDE_CHUNK >= requests.length ? bytes : bytes.subarray(0, -1));
  }
  if (parts.length === 0) return Buffer.from('[]');
  const last = parts[parts.length - 1]!;
  last[last.length - 1] = CLOSE;
  return Buffer.concat(parts);
}

const OPEN = 0x5b;
const COMMA = 0x2c;
const CLOSE = 0x5d;

/** Parses each run of `topLevelSlices` in turn, yielding between runs; the elements in order. */
export async function parseInChunks(
  slices: readonly string[],
  parse: (text: string) => unknown,
): Promise<unknown[]> {
  const all: unknown[] = [];
  for (let i = 0; i < slices.length; i++) {
    if (i > 0) await yieldToLoop();
    for (const e of parse(slices[i]!) as unknown[]) all.push(e);
  }
  return all;
}
