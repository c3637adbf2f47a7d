// OBTAIN.CHANNEL as the API declares it (a module without imports).
import { CHANNELS } from '../../../src/registry/channels.ts';

/** How a value was obtained: channel, source and (when indirect) who provided it. */
export function ProvenanceFields(props: {
  readonly idPrefix: string;
  readonly channel: string;
  readonly source: 'direct' | 'indirect';
  readonly provider: string;
  readonly onChange: (p: {
    channel: string;
    source: 'direct' | 'indirect';
    provider: string;
  }) => void;
}) {
  const { idPrefix: p } = props;
  const cur = { channel: props.channel, source: props.source, provider: props.provider };
  return (
    <>
      <div>
        <label htmlFor={`${p}-channel`}>Channel</label>
        <select
          id={`${p}-channel`}
          value={props.channel}
          onChange={(e) => props.onChange({ ...cur, channel: e.target.value })}
        >
          {CHANNELS.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={`${p}-source`}>Source</label>
        <select
          id={`${p}-source`}
          value={props.source}
          onChange={(e) =>
            props.onChange({
              ...cur,
              source: e.target.value === 'indirect' ? 'indirect' : 'direct',
            })
          }
        >
          <option value="direct">direct (from the customer)</option>
          <option value="indirect">indirect</option>
        </select>
      </div>
      {props.source === 'indirect' && (
        <div>
          <label htmlFor={`${p}-provider`}>Provided by</label>
          <input
            id={`${p}-provider`}
            type="text"
            maxLength={200}
            value={props.provider}
            onChange={(e) => props.onChange({ ...cur, provider: e.target.value })}
          />
        </div>
      )}
    </>
  );
}
