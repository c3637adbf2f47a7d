import type { Localized } from '../policy/index.ts';
import type { AnonymizationReport } from './anonymize-dataset.ts';
import {
  CUSTOMER_COLUMN,
  type AttributeDefinition,
  type DatasetDefinition,
} from './dataset-definition.ts';

/**
 * The items of information about individuals a data set contains, as APPI Art. 43(3) and PPC
 * Rules Art. 36 have them published: each column left in the data set, named by the policy's
 * category (or the column), with how far it was generalized. Derived from the definition and
 * the report, never typed by hand, so what is published is what the data set holds.
 */
export function publishedItems(
  definition: DatasetDefinition,
  report: AnonymizationReport,
  categories: readonly { readonly id: string; readonly name: Localized }[],
): Localized[] {
  const names = new Map<string, Localized>([
    [CUSTOMER_COLUMN, { en: 'the customer ID', ja: 'お客さまID' }],
    ...categories.map((c) => [c.id, c.name] as const),
  ]);
  return definition.attributes
    .filter((a) => a.role !== 'identifier' && a.role !== 'identification-code')
    .map((a) => {
      const name = names.get(a.name) ?? { en: a.name, ja: a.name };
      const ja = name.ja ?? name.en;
      if (a.role === 'linking-code') {
        return {
          en: `A random code per person, in place of ${name.en} (PPC Rule 34(3))`,
          ja: `${ja}に代えた個人ごとの無作為な符号（規則第34条第3号）`,
        };
      }
      if (a.role !== 'quasi-identifier') return { en: name.en, ja };
      const level = report.levels[a.name] ?? 0;
      const how = generalization(a, level);
      return { en: `${name.en} (${how.en})`, ja: `${ja}（${how.ja}）` };
    });
}

function generalization(a: AttributeDefinition, level: number): { en: string; ja: string } {
  if (level === 0) return { en: 'as recorded', ja: '加工なし' };
  const h = a.hierarchy;
  const kind = h !== undefined && 'kind' in h ? h.kind : undefined;
  const named: Record<string, readonly [string, string][]> = {
    date: [
      ['month', '年月'],
      ['year', '年'],
      ['decade', '年代'],
    ],
    'jp-address': [
      ['municipality', '市区町村'],
      ['prefecture', '都道府県'],
      ['region', '地方'],
    ],
  };
  const step = kind !== undefined ? named[kind]?.[level - 1] : undefined;
  if (step !== undefined) return { en: `to the ${step[0]}`, ja: `${step[1]}単位に一般化` };
  if ((kind === 'age' || kind === 'interval') && h !== undefined && 'kind' in h) {
    const widths = ('widths' in h && h.widths) || [5, 10, 20];
    const w = widths[level - 1];
    if (w !== undefined) return { en: `in ranges of ${w}`, ja: `${w}刻みの範囲に一般化` };
  }
  if (kind === 'postal-code') {
    return { en: `last ${level} digits masked`, ja: `下${level}桁を伏字化` };
  }
  return { en: `generalized to level ${level}`, ja: `第${level}段階に一般化` };
}
