import type { ItemView } from '../shared/types.ts';
import { emptyAmendment, type AmendmentRow } from './fulfil-rows.ts';
import { ProvenanceFields } from './ProvenanceFields.tsx';

/** REQUEST.AMENDMENT: rows of one of the customer's items and its new value. */
export function AmendmentEditor(props: {
  readonly items: readonly ItemView[];
  readonly rows: readonly AmendmentRow[];
  readonly onChange: (rows: AmendmentRow[]) => void;
}) {
  const items = props.items.filter((i) => i.supersededAt === null);
  const set = (n: number, row: AmendmentRow) =>
    props.onChange(props.rows.map((r, i) => (i === n ? row : r)));
  return (
    <fieldset aria-label="Amendments">
      <legend>New values</legend>
      {items.length === 0 && <p className="hint">The customer has no items to amend.</p>}
      {props.rows.map((r, n) => (
        <div className="actions" key={n} role="group" aria-label={`Amendment ${n + 1}`}>
          <div>
            <label htmlFor={`amend-${n}-item`}>Item</label>
            <select
              id={`amend-${n}-item`}
              required
              value={r.itemId}
              onChange={(e) => set(n, { ...r, itemId: e.target.value })}
            >
              <option value="">— pick an item —</option>
              {items.map((i) => (
                <option key={i.id} value={i.id}>
                  {i.category}: {i.value ?? 'value withheld'}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor={`amend-${n}-value`}>New value</label>
            <input
              id={`amend-${n}-value`}
              type="text"
              required
              maxLength={10_000}
              value={r.value}
              onChange={(e) => set(n, { ...r, value: e.target.value })}
            />
          </div>
          <ProvenanceFields
            idPrefix={`amend-${n}`}
            channel={r.channel}
            source={r.source}
            provider={r.provider}
            onChange={(p) => set(n, { ...r, ...p })}
          />
          {props.rows.length > 1 && (
            <button
              type="button"
              className="secondary"
              aria-label={`Remove amendment ${n + 1}`}
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
        onClick={() => props.onChange([...props.rows, emptyAmendment()])}
      >
        Add another item
      </button>
    </fieldset>
  );
}
