import { useState } from 'react';
import { download } from '../shared/api.ts';

/**
 * SECURITY.5: a download of personal values made on an approval by a second person: the
 * approval id (from the Approvals page) goes with the request, which refuses without one.
 */
export function ApprovedDownload(props: {
  readonly token: string;
  /** The download's path, without the approval. */
  readonly path: string;
  readonly fallbackName: string;
  readonly label: string;
  readonly onError: (message: string) => void;
}) {
  const [approvalId, setApprovalId] = useState('');
  const id = `approval-${props.fallbackName}`;
  const run = () => {
    const sep = props.path.includes('?') ? '&' : '?';
    void download(
      `${props.path}${sep}approvalId=${encodeURIComponent(approvalId.trim())}`,
      props.token,
      props.fallbackName,
    ).catch((e: unknown) => props.onError(e instanceof Error ? e.message : String(e)));
  };
  return (
    <div className="actions">
      <div>
        <label htmlFor={id}>Approval id</label>
        <input
          id={id}
          value={approvalId}
          placeholder="approved by a second person"
          onChange={(e) => setApprovalId(e.target.value)}
        />
      </div>
      <button type="button" className="secondary" disabled={approvalId.trim() === ''} onClick={run}>
        {props.label}
      </button>
    </div>
  );
}
