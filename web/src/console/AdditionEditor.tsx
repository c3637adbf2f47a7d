import type { Localized } from '../shared/types.ts';
import { emptyAddition, type AdditionRow } from './fulfil-rows.ts';
import { ProvenanceFields } from './ProvenanceFields.tsx';

/** REQUEST.ADDITION: rows of a policy category, its value and how it was obtained. */
export function AdditionEditor(props: {
  readonly categories: readonly { readonly id: string; readonly name: Localized }[];
  readonly rows: readonly AdditionRow[];
  readonly onChange: (rows: AdditionRow[]) => void;
}) {
  const set = (n: number, row: AdditionRow) =>
    props.onChange(props.rows.map((r, i) => (i === n ? row : r)));
  return (
    <fieldset aria-label="Additions">
      <legend>Items to add</legend>
      {props.rows.map((r, n) => (
        <div className="actions" key={n} role="group" aria-label={`Addition ${n + 1}`}>
          <div>
            <label htmlFor={`add-${n}-category`}>Category</label>
            <select
              id={`add-${n}-category`}
              required
              value={r.category}
              onChange={(e) => set(n, { ...r, category: e.target.value })}
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
              onChange={(e) => set(n, { ...r, value: e.target.value })}
            />
          </div>
          <ProvenanceFields
            idPrefix={`add-${n}`}
            channel={r.channel}
            source={r.source}
            provider={r.provider}
            onChange={(p) => set(n, { ...r, ...p })}
          />
          <div>
            <label htmlFor={`add-${n}-acquired`}>Obtained at</label>
            <input
              id={`add-${n}-acquired`}
              type="datetime-local"
              required
              value={r.acquiredAt}
              onChange={(e) => set(n, { ...r, acquiredAt: e.target.value })}
            />
          </div>
          {props.rows.length > 1 && (
            <button
              type="button"
              className="secondary"
              aria-label={`Remove addition ${n + 1}`}
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
        onClick={() => props.onChange([...props.rows, emptyAddition()])}
      >
        Add another item
      </button>
    </fieldset>
  );
}
