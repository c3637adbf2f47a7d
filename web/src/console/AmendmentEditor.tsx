import type { ItemView } from '../shared/types.ts';
import { emptyAmendment, type AmendmentRow } from './fulfil-rows.ts';
import { EditableRows } from './EditableRows.tsx';
import { ProvenanceFields } from './ProvenanceFields.tsx';

/** REQUEST.AMENDMENT: rows of one of the customer's items and its new value. */
export function AmendmentEditor(props: {
  readonly items: readonly ItemView[];
  readonly rows: readonly AmendmentRow[];
  readonly onChange: (rows: AmendmentRow[]) => void;
}) {
  const items = props.items.filter((i) => i.supersededAt === null);
  return (
    <EditableRows
      label="Amendments"
      rowLabel="Amendment"
      legend="New values"
      rows={props.rows}
      onChange={props.onChange}
      empty={emptyAmendment}
      hint={items.length === 0 && <p className="hint">The customer has no items to amend.</p>}
      renderRow={(r, n, set) => (
        <>
          <div>
            <label htmlFor={`amend-${n}-item`}>Item</label>
            <select
              id={`amend-${n}-item`}
              required
              value={r.itemId}
              onChange={(e) => set({ ...r, itemId: e.target.value })}
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
              onChange={(e) => set({ ...r, value: e.target.value })}
            />
          </div>
          <ProvenanceFields
            idPrefix={`amend-${n}`}
            channel={r.channel}
            source={r.source}
            provider={r.provider}
            onChange={(p) => set({ ...r, ...p })}
          />
        </>
      )}
    />
  );
}
