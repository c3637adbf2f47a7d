import type { CompiledPolicy } from '../policy/index.ts';
import { dayNumber, dayText, startOfDay } from './policy-day.ts';
import { requestKind } from './request-kind.ts';

/** APPI Art. 39: a person may sue two weeks after filing, so no request is due later. */
export const MAX_DUE_DAYS = 14;

/** When a request must be answered (REQUEST.TIMELY). */
export interface DueDate {
  /** The kind's `dueDays` from the policy file, capped at 14. */
  readonly dueDays: number;
  /** The last day to answer, YYYY-MM-DD in the policy's zone. */
  readonly dueDate: string;
  /** Epoch ms: midnight (policy zone) ending `dueDate`; answered at or after it is late. */
  readonly dueAt: number;
}

/**
 * The due date of a request received at `receivedAt` (REQUEST.TIMELY, APPI Art. 39).
 * Rule: the day of receipt, in the policy's zone (Japan time), is day 0; the request is due
 * by the end of day `dueDays` — i.e. before midnight that starts the next day. A request
 * received at 23:59 JST on 1 April with 14 days is due by 24:00 JST on 15 April, the same as
 * one received at 00:00 JST on 1 April. The days are calendar days (no business-day shift:
 * Art. 39's two weeks run on calendar days).
 */
export function dueDateFor(policy: CompiledPolicy, kind: string, receivedAt: number): DueDate {
  const dueDays = Math.min(requestKind(policy, kind).dueDays, MAX_DUE_DAYS);
  const offset = policy.offset;
  const lastDay = dayNumber(receivedAt, offset) + dueDays;
  return { dueDays, dueDate: dayText(lastDay), dueAt: startOfDay(lastDay + 1, offset) };
}
