import { useState } from 'react';
import { api } from '../shared/api.ts';
import { ErrorNotice } from '../shared/ErrorNotice.tsx';
import { useSubmit } from '../shared/use-submit.ts';
import { TextField } from '../shared/TextField.tsx';
import type { RecipientView } from '../shared/types.ts';
import { RECIPIENT_KINDS } from './recipient-kinds.ts';

/** Registers a recipient with its APPI Art. 28–29 particulars (POST /v1/recipients). */
export function RecipientForm(props: {
  readonly token: string;
  readonly onCreated: (r: RecipientView) => void;
}) {
  const [id, setId] = useState('');
  const [kind, setKind] = useState('subcontractor');
  const [legalName, setLegalName] = useState('');
  const [address, setAddress] = useState('');
  const [representative, setRepresentative] = useState('');
  const [country, setCountry] = useState('JP');
  const [regime, setRegime] = useState('');
  const [byContract, setByContract] = useState(false);
  const { busy, error, handle } = useSubmit();
  const optional = (v: string) => (v.trim() === '' ? undefined : v.trim());
  const submit = handle(async () => {
    const created = await api<RecipientView>('POST', '/v1/recipients', {
      token: props.token,
      body: {
        id: id.trim(),
        kind,
        legalName: legalName.trim(),
        address: optional(address),
        representative: optional(representative),
        country: country.trim().toUpperCase(),
        protectionRegime: optional(regime),
        recordByContract: byContract,
      },
    });
    props.onCreated(created);
    setId('');
    setLegalName('');
    setAddress('');
    setRepresentative('');
    setRegime('');
    setByContract(false);
  });
  return (
    <form className="card" onSubmit={submit} aria-labelledby="new-recipient-heading">
      <h2 id="new-recipient-heading">Register a recipient</h2>
      <div className="grid2">
        <div>
          <label htmlFor="r-id">
            ID <span className="hint">(lower case, digits, hyphens)</span>
          </label>
          <input
            id="r-id"
            type="text"
            required
            pattern="[a-z0-9][a-z0-9\-]{0,62}"
            value={id}
            onChange={(e) => setId(e.target.value)}
          />
          <label htmlFor="r-kind">Kind</label>
          <select id="r-kind" value={kind} onChange={(e) => setKind(e.target.value)}>
            {RECIPIENT_KINDS.map((k) => (
              <option key={k.id} value={k.id}>
                {k.label} ({k.clause})
              </option>
            ))}
          </select>
          <TextField
            id="r-name"
            label="Legal name"
            required
            maxLength={300}
            value={legalName}
            onChange={setLegalName}
          />
          <TextField
            id="r-address"
            label="Address"
            hint="(optional)"
            maxLength={500}
            value={address}
            onChange={setAddress}
          />
          <TextField
            id="r-representative"
            label="Representative"
            hint="(optional)"
            maxLength={300}
            value={representative}
            onChange={setRepresentative}
          />
        </div>
        <div>
          <label htmlFor="r-country">
            Country <span className="hint">(ISO 3166-1 alpha-2, e.g. JP, US)</span>
          </label>
          <input
            id="r-country"
            type="text"
            required
            pattern="[A-Za-z]{2}"
            maxLength={2}
            value={country}
            onChange={(e) => setCountry(e.target.value)}
          />
          <label htmlFor="r-regime">
            Protection regime <span className="hint">(SECURITY.7; optional)</span>
          </label>
          <textarea
            id="r-regime"
            maxLength={4000}
            value={regime}
            onChange={(e) => setRegime(e.target.value)}
          />
          <label className="choice">
            <input
              type="checkbox"
              checked={byContract}
              onChange={(e) => setByContract(e.target.checked)}
            />
            The contract serves as the provision record (Rule 19)
          </label>
        </div>
      </div>
      <ErrorNotice message={error} />
      <div className="actions">
        <button type="submit" disabled={busy}>
          Register recipient
        </button>
      </div>
    </form>
  );
}
