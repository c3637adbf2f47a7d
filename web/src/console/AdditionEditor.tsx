import type { Localized } from '../shared/types.ts';
import { emptyAddition, type AdditionRow } from './fulfil-rows.ts';
import { EditableRows } from './EditableRows.tsx';
import { ProvenanceFields } from './ProvenanceFields.tsx';

/** REQUEST.ADDITION: rows of a policy category, its value and how it was obtained. */
export function AdditionEditor(props: {
  readonly categories: readonly { readonly id: string; readonly name: Localized }[];
  readonly rows: readonly AdditionRow[];
  readonly onChange: (rows: AdditionRow[]) => void;
}) {
  return (
    <EditableRows
      label="Additions"
      rowLabel="Addition"
      legend="Items to add"
      rows={props.rows}
      onChange={props.onChange}
      empty={emptyAddition}
      renderRow={(r, n, set) => (
        <>
          <div>
            <label htmlFor={`add-${n}-category`}>Category</label>
            <select
              id={`add-${n}-category`}
              required
              value={r.category}
              onChange={(e) => set({ ...r, category: e.target.value })}
            >
              <option value="">— pick a category —</option>
              {props.categories.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name.en} ({c.id})
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor={`add-${n}-value`}>Value</label>
            <input
              id={`add-${n}-value`}
              type="text"
              required
              maxLength={10_000}
              value={r.value}
              onChange={(e) => set({ ...r, value: e.target.value })}
            />
          </div>
          <ProvenanceFields
            idPrefix={`add-${n}`}
            channel={r.channel}
            source={r.source}
            provider={r.provider}
            onChange={(p) => set({ ...r, ...p })}
          />
          <div>
            <label htmlFor={`add-${n}-acquired`}>Obtained at</label>
            <input
              id={`add-${n}-acquired`}
              type="datetime-local"
              required
              value={r.acquiredAt}
              onChange={(e) => set({ ...r, acquiredAt: e.target.value })}
            />
          </div>
        </>
      )}
    />
  );
}
