import type { DiligenceView } from '../shared/types.ts';

/** Where a recipient's diligence stands at a moment. */
export type DiligenceStatus = 'inForce' | 'expired' | 'notYet' | 'missing' | 'notRequired';

/**
 * The status of a recipient's verifications at `now`: in force if any holds then. `required`
 * is the API's `diligenceRequired` (PROVIDE.DUE_DILIGENCE: the API refuses provision otherwise).
 */
export function diligenceStatus(
  required: boolean,
  records: readonly DiligenceView[],
  now = Date.now(),
): DiligenceStatus {
  if (records.length === 0) return required ? 'missing' : 'notRequired';
  const inForce = records.some(
    (d) => Date.parse(d.verifiedAt) <= now && Date.parse(d.expiresAt) > now,
  );
  if (inForce) return 'inForce';
  if (!required) return 'notRequired';
  return records.some((d) => Date.parse(d.verifiedAt) > now) ? 'notYet' : 'expired';
}
