import type { DiligenceView } from './diligence-view.ts';

/** Where a recipient's diligence stands at a moment. */
export type DiligenceStatus = 'inForce' | 'expired' | 'notYet' | 'missing' | 'notRequired';

/** A recipient's diligence status at a moment and the verification it rests on, if any. */
export interface DiligenceStanding {
  readonly status: DiligenceStatus;
  readonly record: DiligenceView | null;
}

/**
 * PROVIDE.DUE_DILIGENCE, as `requireDiligence` decides it: the latest verification made on or
 * before `at` counts, so a newer one with an earlier expiry (an agreement ended) withdraws an
 * older, longer one. `history` is oldest first (verifiedAt, then id). In force: provision
 * passes; else, where diligence is required, it is refused: nothing recorded (missing), only
 * verifications made after `at` (notYet), or the one that counts has ended (expired).
 */
export function diligenceStanding(
  required: boolean,
  history: readonly DiligenceView[],
  at: number,
): DiligenceStanding {
  const current = history.filter((d) => Date.parse(d.verifiedAt) <= at).at(-1);
  if (current !== undefined && Date.parse(current.expiresAt) > at)
    return { status: 'inForce', record: current };
  if (!required) return { status: 'notRequired', record: null };
  if (current === undefined)
    return { status: history.length === 0 ? 'missing' : 'notYet', record: null };
  return { status: 'expired', record: current };
}
