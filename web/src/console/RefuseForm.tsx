import { useState, type FormEvent } from 'react';
import { REFUSAL_CODES } from './refusal-codes.ts';

/** A refusal: the law's ground (by code) and what the customer is told. */
export function RefuseForm(props: {
  /** The grounds the API allows now (kind and state). */
  readonly codes: readonly string[];
  readonly busy: boolean;
  readonly onRefuse: (refusal: { reason: string; message: string }) => void;
}) {
  const codes = REFUSAL_CODES.filter((c) => props.codes.includes(c.code));
  const [reason, setReason] = useState(codes[0]?.code ?? '');
  const [message, setMessage] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    props.onRefuse({ reason, message: message.trim() });
  };
  if (codes.length === 0)
    return <p className="hint">The law gives no ground to refuse this kind.</p>;
  return (
    <form onSubmit={submit} aria-label="Refuse">
      <label htmlFor="refuse-reason">Ground of refusal</label>
      <select id="refuse-reason" value={reason} onChange={(e) => setReason(e.target.value)}>
        {codes.map((c) => (
          <option key={c.code} value={c.code}>
            {c.label}
          </option>
        ))}
      </select>
      <label htmlFor="refuse-message">Message to the customer</label>
      <textarea
        id="refuse-message"
        required
        maxLength={2000}
        value={message}
        onChange={(e) => setMessage(e.target.value)}
      />
      <div className="actions">
        <button type="submit" className="danger" disabled={props.busy}>
          Refuse
        </button>
      </div>
    </form>
  );
}
