import { yen } from '../shared/format.ts';
import type { Lang, RequestKindView } from '../shared/types.ts';
import { STRINGS } from './strings.ts';

/** A kind's fee in words: free, per line or per request, tax included. */
export function feeText(kind: RequestKindView, lang: Lang): string {
  const t = STRINGS[lang].policy;
  if (kind.fee === null) return t.free;
  const amount = yen(kind.fee.total, lang);
  return kind.fee.per === 'subscriberLine' ? t.perLine(amount) : t.perRequest(amount);
}
