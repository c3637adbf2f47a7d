import { useState } from 'react';
import { api } from '../shared/api.ts';
import { ErrorNotice } from '../shared/ErrorNotice.tsx';
import { useSubmit } from '../shared/use-submit.ts';
import type { AdExportReceipt } from '../shared/types.ts';

const PLATFORMS = [
  { id: 'google', label: 'Google' },
  { id: 'meta', label: 'Meta' },
  { id: 'yahoo', label: 'Yahoo! JAPAN' },
];

/** Starts an ad-audience export (§8 ADS): a platform and, optionally, the purpose pair. */
export function StartExportForm(props: {
  readonly token: string;
  readonly onDone: (receipt: AdExportReceipt) => void;
}) {
  const [platform, setPlatform] = useState('google');
  const [purpose, setPurpose] = useState('');
  const [approvalId, setApprovalId] = useState('');
  const { busy, error, handle } = useSubmit();
  const submit = handle(async () => {
    const receipt = await api<AdExportReceipt>('POST', '/v1/ads/exports', {
      token: props.token,
      body: { platform, approvalId: approvalId.trim(), ...(purpose === '' ? {} : { purpose }) },
    });
    props.onDone(receipt);
  });
  return (
    <form className="card" onSubmit={submit} aria-labelledby="start-export-heading">
      <h2 id="start-export-heading">Start an export</h2>
      <p className="hint">
        Every customer is decided by the policy; only permitted items are hashed and written. The
        files are deleted after the platform has matched them (ADS.DELETE_AFTER_MATCH).
      </p>
      <div className="actions" style={{ marginTop: 0 }}>
        <div>
          <label htmlFor="x-platform">Platform</label>
          <select id="x-platform" value={platform} onChange={(e) => setPlatform(e.target.value)}>
            {PLATFORMS.map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="x-purpose">Purpose</label>
          <select id="x-purpose" value={purpose} onChange={(e) => setPurpose(e.target.value)}>
            <option value="">Our services’ ads (PURPOSE.REG.5 / OTH.4)</option>
            <option value="PURPOSE.REG.7">
              Other companies’ ads, transitional (PURPOSE.REG.7 / OTH.6)
            </option>
          </select>
        </div>
        <div>
          <label htmlFor="x-approval">Approval id</label>
          <input
            id="x-approval"
            required
            value={approvalId}
            onChange={(e) => setApprovalId(e.target.value)}
            aria-describedby="x-approval-hint"
          />
          <p id="x-approval-hint" className="hint">
            Approved by a second person under Approvals (SECURITY.5); used once.
          </p>
        </div>
      </div>
      <ErrorNotice message={error} />
      <div className="actions">
        <button type="submit" disabled={busy}>
          {busy ? 'Exporting…' : 'Export audience'}
        </button>
      </div>
    </form>
  );
}
