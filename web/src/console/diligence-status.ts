import type { DiligenceView } from '../shared/types.ts';

/** Where a recipient's diligence stands at a moment. */
export type DiligenceStatus = 'inForce' | 'expired' | 'notYet' | 'missing' | 'notRequired';

/**
 * The status of a recipient's verifications at `now` — in force if any holds then — and the
 * record it rests on: the one in force that runs longest, else the one that expired last.
 * `required` is the API's `diligenceRequired` (PROVIDE.DUE_DILIGENCE: the API refuses
 * provision otherwise).
 */
export function diligenceStatus(
  required: boolean,
  records: readonly DiligenceView[],
  now = Date.now(),
): { readonly status: DiligenceStatus; readonly record?: DiligenceView } {
  if (records.length === 0) return { status: required ? 'missing' : 'notRequired' };
  const latest = (list: readonly DiligenceView[]) =>
    list.reduce((a, b) => (Date.parse(b.expiresAt) > Date.parse(a.expiresAt) ? b : a));
  const inForce = records.filter(
    (d) => Date.parse(d.verifiedAt) <= now && Date.parse(d.expiresAt) > now,
  );
  if (inForce.length > 0) return { status: 'inForce', record: latest(inForce) };
  if (!required) return { status: 'notRequired' };
  if (records.some((d) => Date.parse(d.verifiedAt) > now)) return { status: 'notYet' };
  const ended = records.filter((d) => Date.parse(d.expiresAt) <= now);
  return { status: 'expired', ...(ended.length > 0 ? { record: latest(ended) } : {}) };
}
