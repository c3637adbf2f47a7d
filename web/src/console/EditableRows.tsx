import type { ReactNode } from 'react';

/**
 * A fieldset of rows staff add and remove (the fulfil editors): each row a labelled group
 * ("Amendment 2") with a remove button while more than one is left, and a button adding one.
 */
export function EditableRows<T>(props: {
  /** The fieldset's name ("Amendments") and each row's ("Amendment"). */
  readonly label: string;
  readonly rowLabel: string;
  readonly legend: string;
  readonly rows: readonly T[];
  readonly onChange: (rows: T[]) => void;
  readonly empty: () => T;
  /** The fields of row `n`; `set` replaces that row. */
  readonly renderRow: (row: T, n: number, set: (row: T) => void) => ReactNode;
  /** Shown under the legend (e.g. that there is nothing to pick from). */
  readonly hint?: ReactNode;
}) {
  const set = (n: number, row: T) => props.onChange(props.rows.map((r, i) => (i === n ? row : r)));
  return (
    <fieldset aria-label={props.label}>
      <legend>{props.legend}</legend>
      {props.hint}
      {props.rows.map((r, n) => (
        <div className="actions" key={n} role="group" aria-label={`${props.rowLabel} ${n + 1}`}>
          {props.renderRow(r, n, (row) => set(n, row))}
          {props.rows.length > 1 && (
            <button
              type="button"
              className="secondary"
              aria-label={`Remove ${props.rowLabel.toLowerCase()} ${n + 1}`}
              onClick={() => props.onChange(props.rows.filter((_, i) => i !== n))}
              style={{ alignSelf: 'flex-end' }}
            >
              Remove
            </button>
          )}
        </div>
      ))}
      <button
        type="button"
        className="secondary"
        onClick={() => props.onChange([...props.rows, props.empty()])}
      >
        Add another item
      </button>
    </fieldset>
  );
}
