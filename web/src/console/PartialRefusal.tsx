import { REFUSAL_CODES } from './refusal-codes.ts';

/** The refused part when a request is fulfilled only partly: a ground (by code) and a message. */
export function PartialRefusal(props: {
  /** The grounds the API allows for the refused part. */
  readonly codes: readonly string[];
  readonly value: { reason: string; message: string } | null;
  readonly onChange: (value: { reason: string; message: string } | null) => void;
}) {
  const codes = REFUSAL_CODES.filter((c) => props.codes.includes(c.code));
  if (codes.length === 0) return null;
  const v = props.value;
  return (
    <fieldset aria-label="Partial refusal">
      <div>
        <input
          id="fulfil-partly"
          type="checkbox"
          checked={v !== null}
          onChange={(e) =>
            props.onChange(e.target.checked ? { reason: codes[0]?.code ?? '', message: '' } : null)
          }
        />{' '}
        <label htmlFor="fulfil-partly" style={{ display: 'inline' }}>
          Fulfil only partly (refuse the rest)
        </label>
      </div>
      {v !== null && (
        <>
          <label htmlFor="partial-reason">Ground for the refused part</label>
          <select
            id="partial-reason"
            value={v.reason}
            onChange={(e) => props.onChange({ ...v, reason: e.target.value })}
          >
            {codes.map((c) => (
              <option key={c.code} value={c.code}>
                {c.label}
              </option>
            ))}
          </select>
          <label htmlFor="partial-message">Message to the customer</label>
          <textarea
            id="partial-message"
            required
            maxLength={2000}
            value={v.message}
            onChange={(e) => props.onChange({ ...v, message: e.target.value })}
          />
        </>
      )}
    </fieldset>
  );
}
