import { useState, type FormEvent } from 'react';
import { api } from '../shared/api.ts';
import { ErrorNotice } from '../shared/ErrorNotice.tsx';
import type { CustomerView, Localized, RequestKindView } from '../shared/types.ts';
import { useAsync } from '../shared/use-async.ts';
import {
  additionsBody,
  amendmentsBody,
  emptyAddition,
  emptyAmendment,
  type AdditionRow,
  type AmendmentRow,
} from './fulfil-rows.ts';
import { ItemRowsEditor } from './ItemRowsEditor.tsx';
import { PartialRefusal } from './PartialRefusal.tsx';
import { PurposePicker } from './PurposePicker.tsx';

interface FulfilPolicy {
  readonly categories: readonly { readonly id: string; readonly name: Localized }[];
  readonly groups: readonly {
    readonly id: string;
    readonly purposes: readonly {
      readonly id: string;
      readonly text: Localized;
      readonly suspendable: boolean;
    }[];
  }[];
}

/** Fulfil: what the request's kind needs (new values, new items, purposes) and an optional partial refusal. */
export function FulfilForm(props: {
  readonly token: string;
  readonly kind: string;
  /** The policy's view of the kind: whether fulfilling it needs the customer or the policy. */
  readonly kindView: RequestKindView | undefined;
  /** The grounds the API allows for a refused part (none: fulfilled whole). */
  readonly partlyCodes: readonly string[];
  /** The request being fulfilled: its customer is read for it (its legal basis, audited). */
  readonly requestId: string;
  readonly busy: boolean;
  /** The API's answer when fulfilling failed. */
  readonly error: string | null;
  readonly onFulfil: (body: Record<string, unknown>) => void;
}) {
  const { kind } = props;
  const needsCustomer = props.kindView?.needsCustomer === true;
  const needsPolicy = props.kindView?.needsPolicy === true;
  const customer = useAsync(
    () =>
      needsCustomer
        ? api<CustomerView>('GET', `/v1/requests/${encodeURIComponent(props.requestId)}/customer`, {
            token: props.token,
          })
        : Promise.resolve(undefined),
    [needsCustomer, props.requestId, props.token],
  );
  const policy = useAsync(
    () => (needsPolicy ? api<FulfilPolicy>('GET', '/v1/policy') : Promise.resolve(undefined)),
    [needsPolicy],
  );
  const [amendments, setAmendments] = useState<AmendmentRow[]>([emptyAmendment()]);
  const [additions, setAdditions] = useState<AdditionRow[]>([emptyAddition()]);
  const [purposes, setPurposes] = useState<string[]>([]);
  const [partial, setPartial] = useState<{ reason: string; message: string } | null>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body: Record<string, unknown> = {};
    if (kind === 'REQUEST.AMENDMENT') body.amendments = amendmentsBody(amendments);
    if (kind === 'REQUEST.ADDITION') body.additions = additionsBody(additions);
    if (kind === 'REQUEST.SUSPEND_USE' && purposes.length > 0) body.purposes = purposes;
    if (partial !== null)
      body.partial = { reason: partial.reason, message: partial.message.trim() };
    props.onFulfil(body);
  };

  const current = (customer.value?.items ?? []).filter((i) => i.supersededAt === null);
  const group = customer.value?.group;
  const groups = policy.value?.groups ?? [];
  const shown =
    group && groups.some((g) => g.id === group) ? groups.filter((g) => g.id === group) : groups;
  const loading =
    props.kindView === undefined ||
    (needsCustomer && customer.loading) ||
    (needsPolicy && policy.loading);
  return (
    <form onSubmit={submit} aria-label="Fulfil">
      <ErrorNotice message={customer.error?.message ?? policy.error?.message ?? null} />
      {loading && <p>Loading…</p>}
      {kind === 'REQUEST.AMENDMENT' && customer.value && (
        // REQUEST.AMENDMENT: rows of one of the customer's items and its new value.
        <ItemRowsEditor
          label="Amendments"
          rowLabel="Amendment"
          legend="New values"
          idPrefix="amend"
          pick={{
            field: 'itemId',
            id: 'item',
            label: 'Item',
            placeholder: '— pick an item —',
            options: current.map((i) => ({
              value: i.id,
              label: `${i.category}: ${i.value ?? 'value withheld'}`,
            })),
          }}
          valueLabel="New value"
          rows={amendments}
          onChange={setAmendments}
          empty={emptyAmendment}
          hint={current.length === 0 && <p className="hint">The customer has no items to amend.</p>}
        />
      )}
      {kind === 'REQUEST.ADDITION' && policy.value && (
        // REQUEST.ADDITION: rows of a policy category, its value and how it was obtained.
        <ItemRowsEditor
          label="Additions"
          rowLabel="Addition"
          legend="Items to add"
          idPrefix="add"
          pick={{
            field: 'category',
            id: 'category',
            label: 'Category',
            placeholder: '— pick a category —',
            options: policy.value.categories.map((c) => ({
              value: c.id,
              label: `${c.name.en} (${c.id})`,
            })),
          }}
          valueLabel="Value"
          acquiredField="acquiredAt"
          rows={additions}
          onChange={setAdditions}
          empty={emptyAddition}
        />
      )}
      {kind === 'REQUEST.SUSPEND_USE' && policy.value && (
        <PurposePicker
          purposes={shown.flatMap((g) => g.purposes)}
          checked={purposes}
          onChange={setPurposes}
        />
      )}
      <PartialRefusal codes={props.partlyCodes} value={partial} onChange={setPartial} />
      <ErrorNotice message={props.error} />
      <div className="actions">
        <button type="submit" disabled={props.busy || loading}>
          {partial === null ? 'Fulfil' : 'Fulfil partly'}
        </button>
      </div>
    </form>
  );
}
