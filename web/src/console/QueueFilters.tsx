import type { RequestKindView } from '../shared/types.ts';
// The API's own list of states (a module without imports).
import { REQUEST_STATES } from '../../../src/requests/request-state.ts';

/** The queue's filters: state, kind, due. */
export interface Filters {
  readonly state: string;
  readonly kind: string;
  readonly due: '' | 'overdue' | 'soon';
}

/** Three selects that narrow the queue. */
export function QueueFilters(props: {
  readonly value: Filters;
  readonly kinds: readonly RequestKindView[];
  readonly onChange: (f: Filters) => void;
}) {
  const f = props.value;
  return (
    <form
      className="actions"
      style={{ marginTop: 0 }}
      aria-label="Filters"
      onSubmit={(e) => e.preventDefault()}
    >
      <div>
        <label htmlFor="f-state">State</label>
        <select
          id="f-state"
          value={f.state}
          onChange={(e) => props.onChange({ ...f, state: e.target.value })}
        >
          <option value="">Any</option>
          {REQUEST_STATES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="f-kind">Kind</label>
        <select
          id="f-kind"
          value={f.kind}
          onChange={(e) => props.onChange({ ...f, kind: e.target.value })}
        >
          <option value="">Any</option>
          {props.kinds.map((k) => (
            <option key={k.id} value={k.id}>
              {k.name.en}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="f-due">Due</label>
        <select
          id="f-due"
          value={f.due}
          onChange={(e) => props.onChange({ ...f, due: e.target.value as Filters['due'] })}
        >
          <option value="">Any</option>
          <option value="overdue">Overdue</option>
          <option value="soon">Due within 3 days</option>
        </select>
      </div>
    </form>
  );
}
