import type { Localized } from '../shared/types.ts';

/** A purpose the reader may name: one of the customer's group, within the reader's scope. */
export interface ReadPurpose {
  readonly id: string;
  readonly text: Localized;
}

/**
 * SECURITY.6 with §3: the purpose a read of values serves, picked from the purposes of the
 * customer's group that the reader's scope allows. None picked: provenance only, no values.
 */
export function ReadPurposePicker(props: {
  readonly purposes: readonly ReadPurpose[];
  readonly value: string | null;
  readonly onChange: (purpose: string | null) => void;
}) {
  return (
    <div className="field">
      <label htmlFor="read-purpose">Purpose of this read</label>
      <select
        id="read-purpose"
        value={props.value ?? ''}
        onChange={(e) => props.onChange(e.target.value === '' ? null : e.target.value)}
      >
        <option value="">— none: show no values —</option>
        {props.purposes.map((p) => (
          <option key={p.id} value={p.id}>
            {p.id} — {p.text.en}
          </option>
        ))}
      </select>
      <p className="hint">
        The values are shown only for a purpose the policy permits for this customer; the read and
        its purpose are recorded in the audit log.
      </p>
    </div>
  );
}

/** The purposes of a group that a scope allows ('all', or the listed ones). */
export function purposesFor(
  groups: readonly { readonly id: string; readonly purposes: readonly ReadPurpose[] }[],
  group: string,
  scope: 'all' | readonly string[],
): ReadPurpose[] {
  return groups
    .filter((g) => g.id === group)
    .flatMap((g) => g.purposes)
    .filter((p) => scope === 'all' || scope.includes(p.id));
}
