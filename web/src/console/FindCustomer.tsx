import { useState } from 'react';
import { api } from '../shared/api.ts';
import { ErrorNotice } from '../shared/ErrorNotice.tsx';
import { dateTime } from '../shared/format.ts';
import type { CustomerSummary } from '../shared/types.ts';
import { useSubmit } from '../shared/use-submit.ts';
import { Link } from './Link.tsx';
import { navigate } from './route.ts';

/** What staff may know a customer by; all but the ID are looked up (audited, by kind only). */
const FIND_BY = [
  { value: 'id', label: 'Customer ID', type: 'text' },
  { value: 'phone', label: 'Phone or line number', type: 'tel' },
  { value: 'email', label: 'E-mail', type: 'email' },
  { value: 'externalId', label: 'External ID', type: 'text' },
] as const;
type FindBy = (typeof FIND_BY)[number]['value'];

const customerPath = (id: string) => `/console/customers/${encodeURIComponent(id)}`;

/**
 * Opens a customer by ID, or finds them by a phone or line number, an e-mail or an external ID
 * (the API compares e-mail and phone by blind index): one match opens it, several are listed.
 */
export function FindCustomer(props: { readonly token: string; readonly id: string | null }) {
  const [by, setBy] = useState<FindBy>('id');
  const [typed, setTyped] = useState(props.id ?? '');
  const [found, setFound] = useState<{ by: FindBy; customers: CustomerSummary[] } | null>(null);
  const submit = useSubmit();
  const field = FIND_BY.find((f) => f.value === by)!;
  const find = submit.handle(async () => {
    const value = typed.trim();
    if (value === '') return;
    setFound(null);
    if (by === 'id') {
      navigate(customerPath(value));
      return;
    }
    const page = await api<{ customers: CustomerSummary[] }>(
      'GET',
      `/v1/customers?limit=20&${by}=${encodeURIComponent(value)}`,
      { token: props.token },
    );
    if (page.customers.length === 1) navigate(customerPath(page.customers[0]!.id));
    else setFound({ by, customers: page.customers });
  });
  return (
    <>
      <form className="actions card" onSubmit={find} aria-label="Find a customer">
        <div>
          <label htmlFor="find-by">Find by</label>
          <select
            id="find-by"
            value={by}
            onChange={(e) => {
              setBy(e.target.value as FindBy);
              setFound(null);
            }}
          >
            {FIND_BY.map((f) => (
              <option key={f.value} value={f.value}>
                {f.label}
              </option>
            ))}
          </select>
        </div>
        <div style={{ flex: 1 }}>
          <label htmlFor="customer-id">{field.label}</label>
          <input
            id="customer-id"
            type={field.type}
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
          />
        </div>
        <button type="submit" disabled={submit.busy} style={{ alignSelf: 'flex-end' }}>
          {by === 'id' ? 'Open' : 'Find'}
        </button>
      </form>
      <ErrorNotice message={submit.error} />
      {found !== null && found.customers.length === 0 && (
        <p className="notice info" role="status">
          No customer holds this {FIND_BY.find((f) => f.value === found.by)!.label.toLowerCase()}.
        </p>
      )}
      {found !== null && found.customers.length > 1 && (
        <section className="card" aria-labelledby="found-heading">
          <h2 id="found-heading">{found.customers.length} customers hold it</h2>
          <table>
            <thead>
              <tr>
                <th scope="col">Customer</th>
                <th scope="col">External ID</th>
                <th scope="col">Group</th>
                <th scope="col">Registered</th>
              </tr>
            </thead>
            <tbody>
              {found.customers.map((c) => (
                <tr key={c.id}>
                  <td className="mono">
                    <Link to={customerPath(c.id)}>{c.id}</Link>
                  </td>
                  <td>{c.externalId ?? '—'}</td>
                  <td>{c.group}</td>
                  <td>{dateTime(c.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </>
  );
}
