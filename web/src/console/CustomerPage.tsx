import { useEffect, useState } from 'react';
import { api, ApiError } from '../shared/api.ts';
import { ErrorNotice } from '../shared/ErrorNotice.tsx';
import { dateTime } from '../shared/format.ts';
import type { CustomerView } from '../shared/types.ts';
import { useAsync } from '../shared/use-async.ts';
import { CustomerHolds } from './CustomerHolds.tsx';
import { CustomerItems } from './CustomerItems.tsx';
import { FindCustomer } from './FindCustomer.tsx';
import { Link } from './Link.tsx';
import { purposesFor, ReadPurposePicker, type ReadPurpose } from './ReadPurposePicker.tsx';

interface ReadPolicy {
  readonly groups: readonly { readonly id: string; readonly purposes: readonly ReadPurpose[] }[];
}

/**
 * A customer as the registry holds them: provenance first, values only for the purpose the
 * reader names (decided by the policy and audited); a refused read shows the clauses.
 */
export function CustomerPage(props: { readonly token: string; readonly id: string | null }) {
  const [purpose, setPurpose] = useState<string | null>(null);
  // Each customer's read names its own purpose: none is carried over to the next one.
  useEffect(() => setPurpose(null), [props.id]);
  const path = props.id === null ? null : `/v1/customers/${encodeURIComponent(props.id)}`;
  const customer = useAsync(
    () =>
      path === null
        ? Promise.resolve(null)
        : api<CustomerView>('GET', `${path}?values=false`, { token: props.token }),
    [path, props.token],
  );
  const read = useAsync(
    () =>
      path === null || purpose === null
        ? Promise.resolve(null)
        : api<CustomerView>('GET', `${path}?purpose=${encodeURIComponent(purpose)}`, {
            token: props.token,
          }),
    [path, purpose, props.token],
  );
  const me = useAsync(
    () => api<{ scope: { purposes: 'all' | string[] } }>('GET', '/v1/me', { token: props.token }),
    [props.token],
  );
  const policy = useAsync(() => api<ReadPolicy>('GET', '/v1/policy'), []);
  const missing = customer.error instanceof ApiError && customer.error.status === 404;
  const c = read.value ?? customer.value;
  const purposes =
    c && me.value && policy.value
      ? purposesFor(policy.value.groups, c.group, me.value.scope.purposes)
      : [];
  const refused =
    read.error instanceof ApiError
      ? `${read.error.message}${
          Array.isArray(read.error.details.clauses)
            ? ` — clauses: ${(read.error.details.clauses as string[]).join(', ')}`
            : ''
        }`
      : (read.error?.message ?? null);
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
            <ReadPurposePicker
              key={c.id}
              purposes={purposes}
              value={purpose}
              onChange={setPurpose}
            />
            <ErrorNotice message={refused} />
            <CustomerItems
              key={purpose ?? ''}
              token={props.token}
              items={read.value?.items ?? c.items}
              purpose={read.value ? purpose : null}
            />
          </section>
          <CustomerHolds token={props.token} customerId={c.id} />
        </>
      )}
    </>
  );
}
