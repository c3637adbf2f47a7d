/** How a column of an import file is used. */
export type ColumnRole =
  /** Identifies the customer; not a personal value. */
  | 'customer'
  /** A personal value: becomes an item of `category`, with the row's provenance. */
  | 'item'
  /** Provenance (OBTAIN.CHANNEL, OBTAIN.SOURCE) shared by every item of the row. */
  | 'provenance'
  /** The service contract the row's items were obtained under. */
  | 'service';

/** One column of the import format (docs/import-format.md). */
export interface ImportColumn {
  readonly name: string;
  readonly role: ColumnRole;
  /** The item category, for an item column. */
  readonly category?: string;
  /** The file must have this column (the value may still be checked per row). */
  readonly required?: boolean;
}

/** Every column hogo reads, in the order `hogo demo` and the benchmarks write them. */
export const IMPORT_COLUMNS: readonly ImportColumn[] = [
  { name: 'externalId', role: 'customer', required: true },
  { name: 'group', role: 'customer', required: true },
  { name: 'name', role: 'item', category: 'name' },
  { name: 'nameKana', role: 'item', category: 'name' },
  { name: 'email', role: 'item', category: 'email' },
  { name: 'phone', role: 'item', category: 'phone' },
  { name: 'postalCode', role: 'item', category: 'address' },
  { name: 'address', role: 'item', category: 'address' },
  { name: 'birthDate', role: 'item', category: 'birthDate' },
  { name: 'gender', role: 'item', category: 'gender' },
  { name: 'channel', role: 'provenance' },
  { name: 'source', role: 'provenance' },
  { name: 'provider', role: 'provenance' },
  { name: 'acquiredAt', role: 'provenance' },
  { name: 'serviceId', role: 'service' },
  { name: 'serviceName', role: 'service' },
  { name: 'serviceStartedAt', role: 'service' },
  { name: 'transferredFromDocomo', role: 'service' },
  { name: 'claimsAssignee', role: 'service' },
];

/** The column names, in order. */
export const IMPORT_COLUMN_NAMES: readonly string[] = IMPORT_COLUMNS.map((c) => c.name);

/** One row as read from a file: column name → text (absent or '' when not given). */
export type ImportRow = Readonly<Record<string, string | undefined>>;
