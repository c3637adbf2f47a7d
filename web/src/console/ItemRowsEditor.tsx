import type { ReactNode } from 'react';
import { EditableRows } from './EditableRows.tsx';
import { ProvenanceFields } from './ProvenanceFields.tsx';

/** A row both fulfil editors share: a value and how it was obtained. */
interface ValueRow {
  readonly value: string;
  readonly channel: string;
  readonly source: 'direct' | 'indirect';
  readonly provider: string;
}

/**
 * Rows of a value staff enter for something picked from a list — an item of the customer's
 * (REQUEST.AMENDMENT) or a category of the policy (REQUEST.ADDITION) — with how it was
 * obtained and, for a new item, when.
 */
export function ItemRowsEditor<R extends ValueRow>(props: {
  /** The fieldset's name, each row's, and the legend ("Amendments", "Amendment", "New values"). */
  readonly label: string;
  readonly rowLabel: string;
  readonly legend: string;
  /** The prefix of the fields' ids ("amend" → amend-0-value). */
  readonly idPrefix: string;
  /** The field of the row the list sets, its id ("item" → amend-0-item), label and empty choice. */
  readonly pick: {
    readonly field: keyof R & string;
    readonly id: string;
    readonly label: string;
    readonly placeholder: string;
    readonly options: readonly { readonly value: string; readonly label: string }[];
  };
  readonly valueLabel: string;
  /** The field holding when the value was obtained (datetime-local), if the rows have one. */
  readonly acquiredField?: keyof R & string;
  readonly rows: readonly R[];
  readonly onChange: (rows: R[]) => void;
  readonly empty: () => R;
  readonly hint?: ReactNode;
}) {
  const { pick, idPrefix, acquiredField } = props;
  return (
    <EditableRows
      label={props.label}
      rowLabel={props.rowLabel}
      legend={props.legend}
      rows={props.rows}
      onChange={props.onChange}
      empty={props.empty}
      hint={props.hint}
      renderRow={(r, n, set) => (
        <>
          <div>
            <label htmlFor={`${idPrefix}-${n}-${pick.id}`}>{pick.label}</label>
            <select
              id={`${idPrefix}-${n}-${pick.id}`}
              required
              value={String(r[pick.field])}
              onChange={(e) => set({ ...r, [pick.field]: e.target.value })}
            >
              <option value="">{pick.placeholder}</option>
              {pick.options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor={`${idPrefix}-${n}-value`}>{props.valueLabel}</label>
            <input
              id={`${idPrefix}-${n}-value`}
              type="text"
              required
              maxLength={10_000}
              value={r.value}
              onChange={(e) => set({ ...r, value: e.target.value })}
            />
          </div>
          <ProvenanceFields
            idPrefix={`${idPrefix}-${n}`}
            channel={r.channel}
            source={r.source}
            provider={r.provider}
            onChange={(p) => set({ ...r, ...p })}
          />
          {acquiredField !== undefined && (
            <div>
              <label htmlFor={`${idPrefix}-${n}-acquired`}>Obtained at</label>
              <input
                id={`${idPrefix}-${n}-acquired`}
                type="datetime-local"
                required
                value={String(r[acquiredField])}
                onChange={(e) => set({ ...r, [acquiredField]: e.target.value })}
              />
            </div>
          )}
        </>
      )}
    />
  );
}
