import { useState } from 'react';
import { api } from '../shared/api.ts';
import { ErrorNotice } from '../shared/ErrorNotice.tsx';
import { useSubmit } from '../shared/use-submit.ts';
import { TextField } from '../shared/TextField.tsx';

/** A date as midnight in Japan, the way the policy's dates are read (ISO 8601 with offset). */
const japanMidnight = (date: string) => `${date}T00:00:00+09:00`;

/** Records a verification of the recipient's agreement and measures (PROVIDE.DUE_DILIGENCE). */
export function DiligenceForm(props: {
  readonly token: string;
  readonly recipientId: string;
  readonly onRecorded: () => void;
}) {
  const [agreement, setAgreement] = useState('');
  const [measures, setMeasures] = useState('');
  const [verifiedOn, setVerifiedOn] = useState('');
  const [expiresOn, setExpiresOn] = useState('');
  const [done, setDone] = useState(false);
  const { busy, error, handle } = useSubmit();
  const submit = handle(async () => {
    setDone(false);
    await api('POST', `/v1/recipients/${encodeURIComponent(props.recipientId)}/diligence`, {
      token: props.token,
      body: {
        agreementReference: agreement.trim(),
        measures: measures
          .split('\n')
          .map((m) => m.trim())
          .filter((m) => m !== ''),
        verifiedAt: japanMidnight(verifiedOn),
        expiresAt: japanMidnight(expiresOn),
      },
    });
    setAgreement('');
    setMeasures('');
    setVerifiedOn('');
    setExpiresOn('');
    setDone(true);
    props.onRecorded();
  });
  return (
    <form className="card" onSubmit={submit} aria-labelledby="diligence-form-heading">
      <h2 id="diligence-form-heading">Record diligence</h2>
      <p className="hint">
        The agreement in force and the protective measures verified (PROVIDE.DUE_DILIGENCE). Dates
        are read as midnight in Japan.
      </p>
      <TextField
        id="d-agreement"
        label="Agreement reference"
        required
        maxLength={300}
        value={agreement}
        onChange={setAgreement}
      />
      <label htmlFor="d-measures">
        Measures verified <span className="hint">(one per line)</span>
      </label>
      <textarea
        id="d-measures"
        required
        value={measures}
        onChange={(e) => setMeasures(e.target.value)}
      />
      <div className="actions" style={{ marginTop: 0 }}>
        <div>
          <TextField
            id="d-verified"
            label="Verified on"
            type="date"
            required
            value={verifiedOn}
            onChange={setVerifiedOn}
          />
        </div>
        <div>
          <TextField
            id="d-expires"
            label="Expires on"
            type="date"
            required
            value={expiresOn}
            onChange={setExpiresOn}
          />
        </div>
      </div>
      <ErrorNotice message={error} />
      {done && (
        <p className="notice ok" role="status">
          Diligence recorded.
        </p>
      )}
      <div className="actions">
        <button type="submit" disabled={busy}>
          Record diligence
        </button>
      </div>
    </form>
  );
}
