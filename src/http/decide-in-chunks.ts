import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { decideBatch, type CompiledPolicy } from '../policy/index.ts';

/** Requests decided (and answers serialized) between two turns of the event loop. */
export const DECIDE_CHUNK = 500;

/**
 * Decides a batch of facts-form requests in runs of `DECIDE_CHUNK`, each run's outcomes
 * serialized at once, yielding to the event loop between runs: a 10,000-request batch never
 * holds the server for one long synchronous step, so `/health` and other callers are answered
 * meanwhile. Returns the JSON array of the outcomes, in order, as text. Every request is decided
 * at the same instant, as `decideBatch` does.
 */
export async function decideInChunks(
  policy: CompiledPolicy,
  requests: readonly unknown[],
): Promise<string> {
  const now = Date.now();
  const parts: string[] = [];
  for (let i = 0; i < requests.length; i += DECIDE_CHUNK) {
    if (i > 0) await yieldToLoop();
    const json = JSON.stringify(decideBatch(policy, requests.slice(i, i + DECIDE_CHUNK), { now }));
    parts.push(json.slice(1, -1));
  }
  return `[${parts.join(',')}]`;
}

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
