/** An item provided: its id and category, and its value when asked for and allowed. */
export interface ProvidedItem {
  readonly id: string;
  readonly category: string;
  readonly value?: string;
}

/** An item (or a whole customer) refused, with the clauses the refusal rests on. */
export interface RefusedItem {
  /** Null for an item id that no listed customer holds. */
  readonly customerId: string | null;
  readonly itemId: string | null;
  readonly category: string | null;
  readonly reason: string;
  readonly clauses: readonly string[];
}

/** What `provide` did: the items provided per customer, and every refusal. */
export interface ProvisionResult {
  readonly provisionId: string;
  readonly recipientId: string;
  readonly at: string;
  readonly provided: readonly {
    readonly customerId: string;
    readonly items: readonly ProvidedItem[];
  }[];
  readonly refused: readonly RefusedItem[];
}
