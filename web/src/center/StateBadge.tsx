import type { Lang } from '../shared/types.ts';
import { STRINGS } from './strings.ts';

/** A request's state in the customer's words. */
export function StateBadge(props: { readonly lang: Lang; readonly state: string }) {
  return (
    <span className="badge state">{STRINGS[props.lang].states[props.state] ?? props.state}</span>
  );
}
