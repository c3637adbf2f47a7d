import {
  DOCOMO_TRANSFER_ORIGIN,
  type CustomerInput,
  type FieldProblem,
  type ItemInput,
  type ServiceInput,
} from '../registry/index.ts';
import { IMPORT_COLUMNS, type ImportRow } from './import-columns.ts';

/** A row read as the registry's input, and how to name a registry field as a column. */
export interface RowAsCustomer {
  readonly input: CustomerInput;
  /** The column a registry field path (`items[2].value`) came from. */
  columnOf(field: string): string;
}

const ITEM_COLUMNS = IMPORT_COLUMNS.filter((c) => c.role === 'item' && c.name !== 'postalCode');
const TRUE = new Set(['true', '1', 'yes', 'y']);
const FALSE = new Set(['false', '0', 'no', 'n', '']);
// 〒 and the postal mark variants a form may carry before the seven digits.
const POSTAL = /^[〒〶]?\s*(\d{3})-?(\d{4})$/;

/** Fields of an item's provenance, by the column that carries them. */
const ITEM_FIELD_COLUMNS: Readonly<Record<string, string>> = {
  channel: 'channel',
  source: 'source',
  provider: 'provider',
  acquiredAt: 'acquiredAt',
  service: 'serviceId',
};
const SERVICE_FIELD_COLUMNS: Readonly<Record<string, string>> = {
  name: 'serviceId',
  startedAt: 'serviceStartedAt',
  claimsAssignee: 'claimsAssignee',
  origin: 'transferredFromDocomo',
};

/**
 * Builds the registry's input from one import row: each populated personal column becomes an
 * item of its category carrying the row's provenance (OBTAIN.CHANNEL, OBTAIN.SOURCE) and, when
 * the row names a service, that contract. The postal code is part of the address item.
 * Problems found here (not by the registry) go to `problems`, named by column.
 */
export function rowToCustomer(row: ImportRow, problems: FieldProblem[]): RowAsCustomer {
  const text = (name: string): string => (row[name] ?? '').trim();
  const itemColumns: string[] = [];
  const items: ItemInput[] = [];
  const serviceId = text('serviceId');
  const provenance = {
    channel: text('channel') as ItemInput['channel'],
    source: text('source') as ItemInput['source'],
    acquiredAt: text('acquiredAt'),
    ...(text('provider') !== '' ? { provider: text('provider') } : {}),
    ...(serviceId !== '' ? { service: serviceId } : {}),
  };
  for (const column of ITEM_COLUMNS) {
    const value = column.name === 'address' ? addressValue(text, problems) : text(column.name);
    if (value === '') continue;
    itemColumns.push(
      column.name === 'address' && text('address') === '' ? 'postalCode' : column.name,
    );
    items.push({ category: column.category!, value, ...provenance });
  }
  const externalId = text('externalId');
  if (externalId === '') problems.push({ field: 'externalId', reason: 'must not be empty' });
  const service = serviceOf(text, problems);
  const input: CustomerInput = {
    ...(externalId !== '' ? { externalId } : {}),
    group: text('group'),
    items,
    ...(service !== undefined ? { services: [service] } : {}),
  };
  return {
    input,
    columnOf(field) {
      const item = /^items\[(\d+)\]\.(\w+)/.exec(field);
      if (item !== null) {
        const f = item[2]!;
        return f === 'value'
          ? (itemColumns[Number(item[1])] ?? field)
          : (ITEM_FIELD_COLUMNS[f] ?? field);
      }
      const svc = /^services\[\d+\]\.(\w+)/.exec(field);
      if (svc !== null) return SERVICE_FIELD_COLUMNS[svc[1]!] ?? field;
      return field;
    },
  };
}

/** The address item's value: `〒NNN-NNNN address`, either part alone, or '' for neither. */
function addressValue(text: (name: string) => string, problems: FieldProblem[]): string {
  const raw = text('postalCode').normalize('NFKC');
  const address = text('address');
  if (raw === '') return address;
  const m = POSTAL.exec(raw);
  if (m === null) {
    problems.push({ field: 'postalCode', reason: 'must be a postal code such as 100-0001' });
    return address;
  }
  const postal = `〒${m[1]}-${m[2]}`;
  return address === '' ? postal : `${postal} ${address}`;
}

/** The row's service contract, or undefined when it names none. */
function serviceOf(
  text: (name: string) => string,
  problems: FieldProblem[],
): ServiceInput | undefined {
  const id = text('serviceId');
  const flag = text('transferredFromDocomo').toLowerCase();
  const transferred = TRUE.has(flag);
  if (!transferred && !FALSE.has(flag)) {
    problems.push({ field: 'transferredFromDocomo', reason: 'must be true or false' });
  }
  const claims = text('claimsAssignee');
  if (id === '') {
    for (const name of ['serviceStartedAt', 'claimsAssignee'] as const) {
      if (text(name) !== '')
        problems.push({ field: 'serviceId', reason: `is required with ${name}` });
    }
    if (transferred)
      problems.push({ field: 'serviceId', reason: 'is required with transferredFromDocomo' });
    return undefined;
  }
  return {
    name: id,
    startedAt: text('serviceStartedAt'),
    // SP.2022.TRANSITIONAL: the registry knows a transferred contract by this origin.
    ...(transferred ? { origin: DOCOMO_TRANSFER_ORIGIN } : {}),
    ...(claims !== '' ? { claimsAssignee: claims as ServiceInput['claimsAssignee'] } : {}),
  };
}
