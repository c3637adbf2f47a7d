import type { CompiledPolicy } from '../policy/index.ts';
import type { KeptGround } from '../retention/index.ts';
import { dayNumber, dayText } from './policy-day.ts';

/**
 * APPI Art. 36, RETAIN: the sentence telling the customer what a deletion kept — for each duty
 * or hold, the categories (by name, never a value), why, and until when — in their language.
 */
export function keptSentence(
  policy: CompiledPolicy,
  kept: readonly KeptGround[],
  lang: 'en' | 'ja',
): string {
  const doc = policy.document;
  const pick = (t: { en: string; ja?: string }) => (lang === 'ja' ? (t.ja ?? t.en) : t.en);
  const category = (id: string) => {
    const c = doc.categories.find((x) => x.id === id);
    return c === undefined ? id : pick(c.name);
  };
  const why = (clause: string) => {
    const duty = doc.retention?.duties.find((d) => d.id === clause);
    if (duty !== undefined) return pick(duty.text);
    return doc.retention !== undefined && clause === doc.retention.holdClause
      ? pick(doc.retention.holdText)
      : clause;
  };
  return kept
    .map((g) => {
      const what = g.categories.map(category).join(lang === 'ja' ? '、' : ', ');
      // `until` is the first instant no longer kept: the last day kept is the day before it.
      const last =
        g.until === null ? null : dayText(dayNumber(Date.parse(g.until) - 1, policy.offset));
      if (lang === 'ja')
        return `${what}：${why(g.clause)}（${g.clause}）、${last === null ? 'その事由が続く間' : `${last}まで`}保存します。`;
      return `${what}: kept ${last === null ? 'while this lasts' : `until ${last}`}, ${why(g.clause)} (${g.clause}).`;
    })
    .join('\n');
}
