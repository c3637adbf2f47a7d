/** A new value for one of the customer's items (an ItemUpdateInput in the making). */
export interface AmendmentRow {
  readonly itemId: string;
  readonly value: string;
  readonly channel: string;
  readonly source: 'direct' | 'indirect';
  readonly provider: string;
}

/** A new item (an ItemInput in the making); acquiredAt as a datetime-local string. */
export interface AdditionRow {
  readonly category: string;
  readonly value: string;
  readonly channel: string;
  readonly source: 'direct' | 'indirect';
  readonly provider: string;
  readonly acquiredAt: string;
}

/** Now, as a datetime-local input value in the browser's time zone. */
export function localNow(): string {
  const d = new Date();
  d.setSeconds(0, 0);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

export const emptyAmendment = (): AmendmentRow => ({
  itemId: '',
  value: '',
  channel: 'verbal',
  source: 'direct',
  provider: '',
});

export const emptyAddition = (category = ''): AdditionRow => ({
  category,
  value: '',
  channel: 'verbal',
  source: 'direct',
  provider: '',
  acquiredAt: localNow(),
});

/** The API's `amendments`: provider only when the value came from someone else. */
export function amendmentsBody(rows: readonly AmendmentRow[]) {
  return rows.map((r) => ({
    itemId: r.itemId,
    update: {
      value: r.value,
      channel: r.channel,
      source: r.source,
      ...(r.source === 'indirect' && r.provider.trim() ? { provider: r.provider.trim() } : {}),
    },
  }));
}

/** The API's `additions`, acquiredAt as an ISO instant. */
export function additionsBody(rows: readonly AdditionRow[]) {
  return rows.map((r) => ({
    category: r.category,
    value: r.value,
    channel: r.channel,
    source: r.source,
    ...(r.source === 'indirect' && r.provider.trim() ? { provider: r.provider.trim() } : {}),
    acquiredAt: new Date(r.acquiredAt).toISOString(),
  }));
}
