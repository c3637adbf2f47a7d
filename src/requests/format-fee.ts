import type { FeeBreakdown } from './fee-for.ts';

const yen = (n: number, currency: string) =>
  currency === 'JPY' ? `¥${n.toLocaleString('en-US')}` : `${n.toLocaleString('en-US')} ${currency}`;

/** A fee breakdown as the lines the CLI prints (REQUEST.FEE), amounts right-aligned. */
export function formatFee(fee: FeeBreakdown): string {
  const rows: [string, number][] = [];
  if (fee.per === 'subscriberLine')
    rows.push([
      `${fee.lines} subscriber line${fee.lines === 1 ? '' : 's'} × ${yen(fee.unitAmount, fee.currency)}`,
      fee.base,
    ]);
  else rows.push([fee.per === 'request' ? 'per request' : 'no fee for this kind', fee.base]);
  if (fee.surcharge !== null)
    rows.push([`irregular surcharge (${fee.surcharge.reason})`, fee.surcharge.amount]);
  rows.push([`consumption tax ${Math.round(fee.taxRate * 1000) / 10}% (rounded down)`, fee.tax]);
  rows.push(['total', fee.total]);
  const width = Math.max(...rows.map(([label]) => label.length));
  const amounts = rows.map(([, n]) => yen(n, fee.currency));
  const amountWidth = Math.max(...amounts.map((a) => a.length));
  return [
    `${fee.kind} (${fee.clauses.join(', ')})`,
    ...rows.map(([label], i) => `  ${label.padEnd(width)}  ${amounts[i]!.padStart(amountWidth)}`),
  ].join('\n');
}
