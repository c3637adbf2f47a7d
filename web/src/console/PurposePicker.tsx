import type { Localized } from '../shared/types.ts';

/** REQUEST.SUSPEND_USE: the purposes to stop; none checked = all the law allows. */
export function PurposePicker(props: {
  readonly purposes: readonly {
    readonly id: string;
    readonly text: Localized;
    readonly suspendable: boolean;
  }[];
  readonly checked: readonly string[];
  readonly onChange: (checked: string[]) => void;
}) {
  const toggle = (id: string, on: boolean) =>
    props.onChange(on ? [...props.checked, id] : props.checked.filter((c) => c !== id));
  return (
    <fieldset aria-label="Purposes to suspend">
      <legend>Purposes to suspend</legend>
      <p className="hint">None checked: every use the law allows to be suspended.</p>
      {props.purposes.map((p) => (
        <div key={p.id}>
          <input
            id={`suspend-${p.id}`}
            type="checkbox"
            checked={props.checked.includes(p.id)}
            onChange={(e) => toggle(p.id, e.target.checked)}
          />{' '}
          <label htmlFor={`suspend-${p.id}`} style={{ display: 'inline' }}>
            {p.text.en} <span className="mono">({p.id})</span>
            {p.suspendable ? '' : ' — not suspendable by law'}
          </label>
        </div>
      ))}
    </fieldset>
  );
}
