import { api, ApiError } from '../shared/api.ts';
import { ErrorNotice } from '../shared/ErrorNotice.tsx';
import { dateTime } from '../shared/format.ts';
import type { CustomerView } from '../shared/types.ts';
import { useAsync } from '../shared/use-async.ts';
import { CustomerHolds } from './CustomerHolds.tsx';
import { CustomerItems } from './CustomerItems.tsx';
import { FindCustomer } from './FindCustomer.tsx';
import { Link } from './Link.tsx';

/** A customer as the registry holds them; values only where the API returns them (audited). */
export function CustomerPage(props: { readonly token: string; readonly id: string | null }) {
  const customer = useAsync(
    () =>
      props.id === null
        ? Promise.resolve(null)
        : api<CustomerView>('GET', `/v1/customers/${encodeURIComponent(props.id)}`, {
            token: props.token,
          }),
    [props.id, props.token],
  );
  const missing = customer.error instanceof ApiError && customer.error.status === 404;
  const c = customer.value;
  return (
    <>
      <h1>Customer</h1>
      <p className="lead">Every read of a value is recorded in the audit log.</p>
      <FindCustomer key={props.id ?? ''} token={props.token} id={props.id} />
      {missing && (
        <p className="notice info" role="status">
          No customer with this ID (never registered, or erased).
        </p>
      )}
      {!missing && <ErrorNotice message={customer.error?.message ?? null} />}
      {c && (
        <>
          <section className="card" aria-labelledby="customer-heading">
            <h2 id="customer-heading" className="mono">
              {c.id}
            </h2>
            <dl className="facts">
              <dt>External ID</dt>
              <dd>{c.externalId ?? '—'}</dd>
              <dt>Group</dt>
              <dd>{c.group}</dd>
              <dt>Registered</dt>
              <dd>{dateTime(c.createdAt)}</dd>
              <dt>Services</dt>
              <dd>
                {c.services.map((s) => `${s.name} (${s.startedAt.slice(0, 10)})`).join(', ') || '—'}
              </dd>
              <dt>Consents</dt>
              <dd>{c.consents.map((x) => x.purpose).join(', ') || '—'}</dd>
              <dt>Ad opt-outs</dt>
              <dd>{c.adOptOuts.length}</dd>
              <dt>Suspensions</dt>
              <dd>{c.suspensions.map((s) => s.kind).join(', ') || '—'}</dd>
            </dl>
            <p>
              <Link to={`/console/ledger/${encodeURIComponent(c.id)}`}>Provision records</Link>
            </p>
          </section>
          <section className="card" aria-labelledby="items-heading">
            <h2 id="items-heading">Items</h2>
            <CustomerItems token={props.token} items={c.items} />
          </section>
          <CustomerHolds token={props.token} customerId={c.id} />
        </>
      )}
    </>
  );
}
