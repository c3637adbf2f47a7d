import { useEffect, useState, type FormEvent } from 'react';
import { api, query } from '../shared/api.ts';
import { ErrorNotice } from '../shared/ErrorNotice.tsx';
import type { ProvisionRecordPage, ProvisionRecordView, RecipientView } from '../shared/types.ts';
import { useAsync } from '../shared/use-async.ts';
import { LoadMore } from '../shared/LoadMore.tsx';
import { usePaged } from '../shared/use-paged.ts';
import { Link } from './Link.tsx';
import { ProvisionTable } from './ProvisionTable.tsx';
import { navigate } from './route.ts';

const PAGE = 50;

/** The provision ledger (APPI Art. 29) searched by customer and/or recipient, newest first. */
export function LedgerPage(props: {
  readonly token: string;
  readonly customerId: string | null;
  readonly recipientId: string | null;
}) {
  const [typed, setTyped] = useState(props.customerId ?? '');
  const [recipient, setRecipient] = useState(props.recipientId ?? '');
  useEffect(() => {
    setTyped(props.customerId ?? '');
    setRecipient(props.recipientId ?? '');
  }, [props.customerId, props.recipientId]);
  const recipients = useAsync(
    () => api<RecipientView[]>('GET', '/v1/recipients', { token: props.token }),
    [props.token],
  );
  const filtered = props.customerId !== null || props.recipientId !== null;
  const list = usePaged<ProvisionRecordView>(
    async (cursor) => {
      if (!filtered) return { entries: [], next: null };
      const page = await api<ProvisionRecordPage>(
        'GET',
        `/v1/provisions${query({ customerId: props.customerId, recipientId: props.recipientId, limit: PAGE, cursor })}`,
        { token: props.token },
      );
      return { entries: page.records, next: page.nextCursor };
    },
    [props.customerId, props.recipientId, props.token],
  );
  const search = (e: FormEvent) => {
    e.preventDefault();
    const id = typed.trim();
    const path = `/console/ledger${id === '' ? '' : `/${encodeURIComponent(id)}`}`;
    navigate(`${path}${query({ recipient: recipient })}`);
  };
  const records = list.entries;
  const recipientName = recipients.value?.find((r) => r.id === props.recipientId)?.legalName;
  const about = [
    props.customerId !== null ? `customer ${props.customerId}` : null,
    props.recipientId !== null ? `recipient ${recipientName ?? props.recipientId}` : null,
  ]
    .filter((x) => x !== null)
    .join(' to ');
  return (
    <>
      <h1>Provision ledger</h1>
      <p className="lead">
        Every provision to a third party, newest first (APPI Art. 29). Each search is recorded in
        the audit log.
      </p>
      <form className="actions card" onSubmit={search} aria-label="Search the ledger">
        <div style={{ flex: 2 }}>
          <label htmlFor="ledger-customer">Customer ID</label>
          <input
            id="ledger-customer"
            type="text"
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
          />
        </div>
        <div style={{ flex: 1 }}>
          <label htmlFor="ledger-recipient">Recipient</label>
          <select
            id="ledger-recipient"
            value={recipient}
            onChange={(e) => setRecipient(e.target.value)}
          >
            <option value="">Any</option>
            {(recipients.value ?? []).map((r) => (
              <option key={r.id} value={r.id}>
                {r.legalName} ({r.id})
              </option>
            ))}
          </select>
        </div>
        <button type="submit" style={{ alignSelf: 'flex-end' }}>
          Search
        </button>
      </form>
      <ErrorNotice message={list.error} />
      {!filtered && <p>Enter a customer ID, choose a recipient, or both.</p>}
      {filtered && records !== undefined && (
        <section aria-labelledby="ledger-results">
          <h2 id="ledger-results">Provisions about {about}</h2>
          {props.customerId !== null && (
            <p>
              <Link to={`/console/customers/${encodeURIComponent(props.customerId)}`}>
                Open the customer
              </Link>
            </p>
          )}
          {records.length === 0 ? (
            <p role="status">No provision is recorded.</p>
          ) : (
            <ProvisionTable caption={`Provisions about ${about}`} records={records} />
          )}
          <LoadMore list={list} />
        </section>
      )}
    </>
  );
}
