import { HogoError } from '../errors/index.ts';
import { hierarchyFromRows, type Hierarchy } from './hierarchy.ts';

/** The built-in hierarchies a definition may name instead of a file. */
export type BuiltinHierarchy =
  | { readonly kind: 'date' }
  | { readonly kind: 'age'; readonly widths?: readonly number[] }
  | { readonly kind: 'interval'; readonly widths: readonly number[] }
  | { readonly kind: 'postal-code' }
  | { readonly kind: 'jp-address' };

/**
 * Builds a built-in hierarchy over the values that occur. Dates go to month, year, decade;
 * ages and numbers to intervals of the given widths; postal codes lose one more digit a level;
 * Japanese addresses go to municipality, prefecture and region.
 */
export function builtinHierarchy(
  attribute: string,
  spec: BuiltinHierarchy,
  values: Iterable<string>,
): Hierarchy {
  const distinct = [...new Set(values)].sort();
  const rows = distinct.map((v) => [v, ...labelsFor(attribute, spec, v), '*']);
  return hierarchyFromRows(attribute, rows, `built-in ${spec.kind} hierarchy`);
}

function labelsFor(attribute: string, spec: BuiltinHierarchy, value: string): string[] {
  switch (spec.kind) {
    case 'date': {
      const m = /^(\d{4})-(\d{2})(-\d{2})?/.exec(value);
      if (!m) throw unfit(attribute, spec.kind, value);
      const decade = m[1]!.slice(0, 3);
      return [`${m[1]}-${m[2]}`, m[1]!, `${decade}0s`];
    }
    case 'age':
    case 'interval': {
      const n = Number(value);
      if (value.trim() === '' || !Number.isFinite(n)) throw unfit(attribute, spec.kind, value);
      const widths = spec.widths ?? [5, 10, 20];
      return widths.map((w) => {
        const lo = Math.floor(n / w) * w;
        return `${lo}-${lo + w - 1}`;
      });
    }
    case 'postal-code': {
      const digits = value.replace(/[^0-9]/g, '');
      if (digits.length === 0) throw unfit(attribute, spec.kind, value);
      const out: string[] = [];
      for (let keep = digits.length - 1; keep >= 1; keep--) {
        out.push(digits.slice(0, keep) + '*'.repeat(digits.length - keep));
      }
      return out;
    }
    case 'jp-address':
      return addressLabels(attribute, value);
  }
}

const PREFECTURE = /^(.+?[都道府県])/;
const MUNICIPALITY = /^(.+?[都道府県])(.+?[市区町村])/;

/** The registry's address item may start with its postal code: `〒100-0001 東京都…`. */
const POSTAL_PREFIX = /^〒?\s*\d{3}-?\d{4}\s*/;

function addressLabels(attribute: string, raw: string): string[] {
  const value = raw.replace(POSTAL_PREFIX, '');
  const pref = PREFECTURE.exec(value)?.[1];
  if (!pref) throw unfit(attribute, 'jp-address', raw);
  const muni = MUNICIPALITY.exec(value);
  const municipality = muni ? `${muni[1]}${muni[2]}` : pref;
  return [municipality, pref, regionOf(pref)];
}

const REGIONS: readonly (readonly [string, readonly string[]])[] = [
  ['北海道', ['北海道']],
  ['東北', ['青森県', '岩手県', '宮城県', '秋田県', '山形県', '福島県']],
  ['関東', ['茨城県', '栃木県', '群馬県', '埼玉県', '千葉県', '東京都', '神奈川県']],
  [
    '中部',
    ['新潟県', '富山県', '石川県', '福井県', '山梨県', '長野県', '岐阜県', '静岡県', '愛知県'],
  ],
  ['近畿', ['三重県', '滋賀県', '京都府', '大阪府', '兵庫県', '奈良県', '和歌山県']],
  ['中国', ['鳥取県', '島根県', '岡山県', '広島県', '山口県']],
  ['四国', ['徳島県', '香川県', '愛媛県', '高知県']],
  [
    '九州・沖縄',
    ['福岡県', '佐賀県', '長崎県', '熊本県', '大分県', '宮崎県', '鹿児島県', '沖縄県'],
  ],
];

function regionOf(prefecture: string): string {
  return REGIONS.find(([, prefs]) => prefs.includes(prefecture))?.[0] ?? '不明';
}

function unfit(attribute: string, kind: string, value: string): HogoError {
  return new HogoError(
    'anonymize.hierarchy',
    `${attribute}: value "${value}" does not fit the built-in ${kind} hierarchy`,
  );
}
