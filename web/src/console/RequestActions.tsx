import { useState } from 'react';
import type {
  RequestKindView,
  RequestStep,
  StaffRequest,
  StaffRequestDetail,
} from '../shared/types.ts';
import { FulfilForm } from './FulfilForm.tsx';
import { RefuseForm } from './RefuseForm.tsx';

/** A step to take: its path under /v1/requests/:id/ and its body. */
export type Step = { readonly name: string; readonly body?: unknown };

/** The steps the API says this user may take now, and nothing else. */
export function RequestActions(props: {
  readonly request: StaffRequest;
  /** The policy's request kind (what fulfilling it needs); undefined while loading. */
  readonly kind: RequestKindView | undefined;
  readonly steps: readonly RequestStep[];
  readonly refusals: StaffRequestDetail['refusals'];
  readonly token: string;
  /** The API's answer to a failed fulfil, shown next to the fulfil form. */
  readonly fulfilError?: string | null;
  readonly busy: boolean;
  readonly onStep: (step: Step) => void;
}) {
  const r = props.request;
  const [method, setMethod] = useState('idDocument');
  const [amount, setAmount] = useState(String(r.fee.total));
  const [reference, setReference] = useState('');
  const [cancelReason, setCancelReason] = useState('');
  const step = (name: string, body?: unknown) =>
    props.onStep(body === undefined ? { name } : { name, body });
  const may = (s: RequestStep) => props.steps.includes(s);
  return (
    <div>
      {may('verify') && (
        <div className="actions">
          <label htmlFor="verify-method" style={{ margin: 0 }}>
            Identity checked by
          </label>
          <select
            id="verify-method"
            value={method}
            onChange={(e) => setMethod(e.target.value)}
            style={{ width: 'auto' }}
          >
            <option value="idDocument">ID document</option>
            <option value="callback">Call back to the number on file</option>
            <option value="helpdeskKnowledge">Helpdesk knowledge check</option>
          </select>
          <button type="button" disabled={props.busy} onClick={() => step('verify', { method })}>
            Verify identity
          </button>
        </div>
      )}
      {may('payment') && (
        <form
          className="actions"
          aria-label="Record payment"
          onSubmit={(e) => {
            e.preventDefault();
            step('payment', {
              amount: Number(amount),
              ...(reference.trim() ? { reference: reference.trim() } : {}),
            });
          }}
        >
          <div>
            <label htmlFor="pay-amount">Amount received (¥)</label>
            <input
              id="pay-amount"
              type="number"
              min={0}
              value={amount}
              onChange={(e) => setAmount(e.target.value)}
            />
          </div>
          <div>
            <label htmlFor="pay-reference">Reference (optional)</label>
            <input
              id="pay-reference"
              type="text"
              value={reference}
              onChange={(e) => setReference(e.target.value)}
            />
          </div>
          <button type="submit" disabled={props.busy} style={{ alignSelf: 'flex-end' }}>
            Record payment
          </button>
        </form>
      )}
      {may('start') && (
        <div className="actions">
          <button type="button" disabled={props.busy} onClick={() => step('start')}>
            Start work
          </button>
        </div>
      )}
      {may('fulfil') && (
        <>
          <h3>Fulfil</h3>
          <FulfilForm
            token={props.token}
            kind={r.kind}
            kindView={props.kind}
            partlyCodes={props.refusals.partly}
            requestId={r.id}
            busy={props.busy}
            error={props.fulfilError ?? null}
            onFulfil={(body) => step('fulfil', body)}
          />
        </>
      )}
      {may('refuse') && (
        <>
          <h3>Refuse</h3>
          <RefuseForm
            key={r.state}
            codes={props.refusals.refuse}
            busy={props.busy}
            onRefuse={(refusal) => step('refuse', { refusal })}
          />
        </>
      )}
      {may('notify') && (
        <div className="actions">
          <button type="button" disabled={props.busy} onClick={() => step('notify')}>
            Notify the customer
          </button>
        </div>
      )}
      {may('cancel') && (
        <form
          className="actions"
          aria-label="Cancel request"
          onSubmit={(e) => {
            e.preventDefault();
            step('cancel', { reason: cancelReason.trim() });
          }}
        >
          <div style={{ flex: 1 }}>
            <label htmlFor="cancel-reason">Cancel — reason</label>
            <input
              id="cancel-reason"
              type="text"
              required
              value={cancelReason}
              onChange={(e) => setCancelReason(e.target.value)}
            />
          </div>
          <button
            type="submit"
            className="secondary"
            disabled={props.busy}
            style={{ alignSelf: 'flex-end' }}
          >
            Cancel request
          </button>
        </form>
      )}
      {props.steps.length === 0 && (
        <p className="hint">
          {r.state === 'notified' || r.state === 'cancelled'
            ? 'Closed: nothing left to do.'
            : 'Your role may not take steps on this request.'}
        </p>
      )}
    </div>
  );
}
