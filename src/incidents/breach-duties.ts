import { HogoError } from '../errors/index.ts';
import type { BreachDuty, PolicyBreach } from '../policy/index.ts';
import type { BreachFacts } from './breach-facts.ts';
import { dateOf, dayOf, rollToBusinessDay } from './japan-calendar.ts';

/** What the law requires for an incident: whether to report, citing which clauses, and when. */
export interface BreachDuties {
  readonly reportable: boolean;
  /** The clauses the decision rests on, in the file's order. */
  readonly clauses: readonly string[];
  /** The triggers of PPC Rules Art. 7 that hold (before the encryption exemption). */
  readonly triggers: readonly string[];
  /** Last day of the preliminary report, YYYY-MM-DD; null when not reportable. */
  readonly preliminaryDue: string | null;
  /** Last day of the final report, YYYY-MM-DD; null when not reportable. */
  readonly finalDue: string | null;
  /** 30, or 60 for a wrongful act (PPC Rules Art. 8(2)); null when not reportable. */
  readonly finalDays: number | null;
  /** The Telecommunications Business Act track, when the secrecy of communications is concerned. */
  readonly telecom: { readonly clause: string; readonly finalDue: string } | null;
}

/** PPC Rules Art. 7(iii) covers data being obtained (skimming) from this day only. */
const SKIMMING_FROM = '2024-04-01';
/** PPC Rules Art. 7(iv): more than this many persons. */
const PERSONS_LIMIT = 1000;

/** The clause of the policy that states a duty (the file's checks guarantee one per duty). */
export function breachClause(breach: PolicyBreach, duty: BreachDuty): string {
  const clause = breach.clauses.find((c) => c.duty === duty);
  if (clause === undefined)
    throw new HogoError('incidents.no_breach_clause', `the policy states no breach duty ${duty}`);
  return clause.id;
}

/** Which triggers of PPC Rules Art. 7 the facts meet, as duties. */
function triggersOf(facts: BreachFacts): BreachDuty[] {
  const wrongful = facts.wrongful && (!facts.skimming || facts.knownOn >= SKIMMING_FROM);
  return [
    ...(facts.sensitive ? (['sensitive'] as const) : []),
    ...(facts.financial ? (['financial'] as const) : []),
    ...(wrongful ? (['wrongful'] as const) : []),
    ...(facts.persons > PERSONS_LIMIT ? (['persons'] as const) : []),
  ];
}

/**
 * Decides reportability (APPI Art. 26(1), PPC Rules Art. 7) and the deadlines (Rule 8): the
 * day of knowledge is day 1; the preliminary report is due by day `preliminaryDays`; the final
 * by day 30, or 60 when a wrongful act is among the triggers, its last day rolled past closed
 * days. Pure: the same facts give the same answer.
 */
export function breachDuties(breach: PolicyBreach, facts: BreachFacts): BreachDuties {
  const known = dayOf(facts.knownOn, 'knownOn');
  if (!Number.isInteger(facts.persons) || facts.persons < 0)
    throw new HogoError('incidents.invalid_persons', 'persons: must be a whole number ≥ 0', {
      path: 'persons',
    });
  const met = triggersOf(facts);
  const triggers = met.map((d) => breachClause(breach, d));
  const telecom = facts.secrecyOfCommunications
    ? // TBA Enforcement Rules Art. 57(2): the detailed report within 30 days, whatever APPI says.
      { clause: breachClause(breach, 'telecom'), finalDue: dateOf(rollToBusinessDay(known + 29)) }
    : null;
  const none = { preliminaryDue: null, finalDue: null, finalDays: null, telecom } as const;
  if (met.length === 0) {
    // None holds: the decision rests on the four triggers, each checked.
    const all = (['sensitive', 'financial', 'wrongful', 'persons'] as const).map((d) =>
      breachClause(breach, d),
    );
    return { reportable: false, clauses: all, triggers, ...none };
  }
  if (facts.encrypted)
    return {
      reportable: false,
      clauses: [...triggers, breachClause(breach, 'encrypted')],
      triggers,
      ...none,
    };
  const finalDays = met.includes('wrongful') ? 60 : 30;
  return {
    reportable: true,
    clauses: [
      ...triggers,
      breachClause(breach, 'preliminary'),
      breachClause(breach, 'final'),
      breachClause(breach, 'notice'),
    ],
    triggers,
    // "Promptly" is no period of the Civil Code: the day is not moved past a closed day.
    preliminaryDue: dateOf(known + breach.preliminaryDays - 1),
    // Day 1 is the day of knowledge, so day N is known + N − 1 (PPC guideline 3-5-3-4).
    finalDue: dateOf(rollToBusinessDay(known + finalDays - 1)),
    finalDays,
    telecom,
  };
}
