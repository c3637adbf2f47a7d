import type { AnonymizedDataset, SourceTable } from './anonymize-dataset.ts';
import type { DatasetDefinition } from './dataset-definition.ts';

/**
 * Checks a data set against the five standards of PPC Rule 34 as its definition applies them
 * to its source, and returns the rules it breaks (none for a data set `anonymizeDataset` made).
 * Run before anything is published or provided, so a data set that skipped a step never leaves.
 */
export function verifyStandards(
  definition: DatasetDefinition,
  source: SourceTable,
  output: Pick<AnonymizedDataset, 'header' | 'rows'>,
): string[] {
  const broken = new Set<string>();
  const inCol = (name: string) => source.header.indexOf(name);
  const outCol = (name: string) => output.header.indexOf(name);
  const valuesOf = (name: string) => new Set(source.rows.map((r) => r[inCol(name)]!));
  const cells = new Set(output.rows.flat());
  const removed = (role: string, rule: string) => {
    for (const a of definition.attributes.filter((x) => x.role === role)) {
      const leaked = [...valuesOf(a.name)].some((v) => v.length > 0 && cells.has(v));
      if (outCol(a.name) >= 0 || leaked) broken.add(rule);
    }
  };
  removed('identifier', 'PPC Rule 34(1)');
  removed('identification-code', 'PPC Rule 34(2)');
  for (const a of definition.attributes.filter((x) => x.role === 'linking-code')) {
    const codes = valuesOf(a.name);
    const c = outCol(a.name);
    if (c >= 0 && output.rows.some((r) => codes.has(r[c]!))) broken.add('PPC Rule 34(3)');
  }
  for (const a of definition.attributes.filter((x) => x.rare)) {
    const c = outCol(a.name);
    if (c < 0) continue;
    const counts = new Map<string, number>();
    for (const r of source.rows)
      counts.set(r[inCol(a.name)]!, (counts.get(r[inCol(a.name)]!) ?? 0) + 1);
    const unusual = (v: string) =>
      (a.rare!.fewerThan !== undefined && (counts.get(v) ?? Infinity) < a.rare!.fewerThan) ||
      (a.rare!.above !== undefined && Number(v) > a.rare!.above);
    if (output.rows.some((r) => unusual(r[c]!))) broken.add('PPC Rule 34(4)');
  }
  const qis = definition.attributes
    .filter((a) => a.role === 'quasi-identifier')
    .map((a) => outCol(a.name));
  const classes = new Map<string, number>();
  for (const r of output.rows) {
    const key = qis.map((c) => r[c]).join('\u0000');
    classes.set(key, (classes.get(key) ?? 0) + 1);
  }
  if (qis.some((c) => c < 0) || [...classes.values()].some((n) => n < definition.model.k)) {
    broken.add('PPC Rule 34(5)');
  }
  return [...broken].sort();
}
