import { HogoError } from '../errors/index.ts';

/** The nine items a report to the PPC states (PPC Rules Art. 8(1) items i–ix), in order. */
export const REPORT_ITEMS = [
  'outline',
  'dataKinds',
  'persons',
  'cause',
  'secondaryDamage',
  'responseToPersons',
  'publication',
  'recurrencePrevention',
  'other',
] as const;

export type ReportItem = (typeof REPORT_ITEMS)[number];

/** A report's text: one entry per item of Rule 8(1). */
export type ReportItems = Readonly<Record<ReportItem, string>>;

/** Each item's heading in English and Japanese, as the PPC's form names them. */
export const REPORT_ITEM_NAMES: Readonly<Record<ReportItem, { en: string; ja: string }>> = {
  outline: { en: 'Outline of the incident', ja: '概要' },
  dataKinds: {
    en: 'Items of personal data concerned',
    ja: '漏えい等が発生し、又は発生したおそれがある個人データの項目',
  },
  persons: {
    en: 'Number of persons concerned',
    ja: '漏えい等が発生し、又は発生したおそれがある個人データに係る本人の数',
  },
  cause: { en: 'Cause', ja: '原因' },
  secondaryDamage: {
    en: 'Secondary damage, whether it may occur and what',
    ja: '二次被害又はそのおそれの有無及びその内容',
  },
  responseToPersons: { en: 'Response to the persons concerned', ja: '本人への対応の実施状況' },
  publication: { en: 'Publication', ja: '公表の実施状況' },
  recurrencePrevention: { en: 'Measures to prevent recurrence', ja: '再発防止のための措置' },
  other: { en: 'Other matters of reference', ja: 'その他参考となる事項' },
};

/**
 * The items a notice to the persons states (PPC Rules Art. 10: items i, ii, iv, v and ix of
 * Art. 8(1)).
 */
export const NOTICE_ITEMS: readonly ReportItem[] = [
  'outline',
  'dataKinds',
  'cause',
  'secondaryDamage',
  'other',
];

/** Longest text an item may hold. */
const MAX_ITEM = 4000;
/** An e-mail address, a phone number (10+ digits, hyphens between) or a card number. */
const PERSONAL = /[^\s@]+@[^\s@]+\.[^\s@]+|\+\d[\d\s-]{8,}\d|(?:\d-?){10,}|(?:\d{4} ){3}\d{4}/u;

/** True when the text holds what looks like an e-mail address, a phone or a card number. */
export function looksPersonal(text: string): boolean {
  return PERSONAL.test(text);
}

/**
 * Reads a report's items from input, naming the first wrong field (`items.<item>`). The report
 * is the company's account of the incident, kept in plain text: an item holding what looks like
 * a person's e-mail address, phone or card number is refused, so no personal value is stored.
 */
export function readReportItems(input: unknown): ReportItems {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    throw invalidReport('items', 'must be an object of the nine items of PPC Rules Art. 8(1)');
  const record = input as Record<string, unknown>;
  for (const key of Object.keys(record))
    if (!(REPORT_ITEMS as readonly string[]).includes(key))
      throw invalidReport(
        `items.${key}`,
        `is no item of PPC Rules Art. 8(1) (${REPORT_ITEMS.join(', ')})`,
      );
  const items = {} as Record<ReportItem, string>;
  for (const key of REPORT_ITEMS) {
    const value = record[key] ?? '';
    if (typeof value !== 'string') throw invalidReport(`items.${key}`, 'must be text');
    if (value.length > MAX_ITEM)
      throw invalidReport(`items.${key}`, `must be at most ${MAX_ITEM} characters`);
    if (looksPersonal(value))
      throw invalidReport(
        `items.${key}`,
        'holds what looks like an e-mail address or a phone or card number: a report names no person',
      );
    items[key] = value;
  }
  return items;
}

function invalidReport(field: string, reason: string): HogoError {
  return new HogoError('incidents.invalid_report', `${field} ${reason}`, { field, reason });
}
