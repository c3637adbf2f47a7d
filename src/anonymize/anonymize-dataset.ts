import { HogoError } from '../errors/index.ts';
import { builtinHierarchy } from './builtin-hierarchies.ts';
import type { DatasetDefinition } from './dataset-definition.ts';
import { encodeTable } from './encoded-table.ts';
import { parseHierarchyCsv, type Hierarchy } from './hierarchy.ts';
import { searchLattice } from './lattice-search.ts';
import { linkTokenizer } from './link-tokens.ts';
import { mondrian } from './mondrian.ts';
import type { QualityMetrics } from './quality-metrics.ts';

/** One of the five processing standards of PPC Rule 34, as applied to this data set. */
export interface StandardStep {
  readonly rule: string;
  readonly title: string;
  readonly columns: readonly string[];
  readonly rowsSuppressed?: number;
}

/** What `anonymizeDataset` reports: the steps by rule, the levels chosen, the metrics. */
export interface AnonymizationReport {
  readonly dataset: string;
  readonly algorithm: 'optimal' | 'mondrian';
  readonly steps: readonly StandardStep[];
  /** Per quasi-identifier, the level chosen (optimal) or the highest level used (Mondrian). */
  readonly levels: Readonly<Record<string, number>>;
  readonly metrics: QualityMetrics;
}

/** The table a job works on: a header and rows of strings, as read from CSV or the registry. */
export interface SourceTable {
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

/** The anonymized table and its report. Its header holds no removed column. */
export interface AnonymizedDataset {
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
  readonly report: AnonymizationReport;
}

/**
 * Applies the five standards of PPC Rule 34 in order to `source` as `definition` says, and
 * returns the data set and its report. Pure: hierarchy files are read through `readFile`.
 */
export function anonymizeDataset(
  definition: DatasetDefinition,
  source: SourceTable,
  readFile: (path: string) => string,
): AnonymizedDataset {
  const columnOf = columnIndex(definition, source);
  const attrs = definition.attributes;
  const byRole = (role: string) => attrs.filter((a) => a.role === role).map((a) => a.name);
  const steps: StandardStep[] = [
    // Rule 34(1): descriptions that identify a person (name, address lines…) removed entirely.
    {
      rule: 'PPC Rule 34(1)',
      title: 'identifying descriptions removed',
      columns: byRole('identifier'),
    },
    // Rule 34(2): individual identification codes (My Number, phone, e-mail…) removed entirely.
    {
      rule: 'PPC Rule 34(2)',
      title: 'identification codes removed',
      columns: byRole('identification-code'),
    },
  ];
  // Rule 34(3): linking codes replaced by tokens from the CSPRNG that nothing can restore.
  const tokenize = linkTokenizer();
  steps.push({
    rule: 'PPC Rule 34(3)',
    title: 'linking codes replaced by random tokens',
    columns: byRole('linking-code'),
  });

  // Rule 34(4): unusual descriptions: rows holding one are suppressed before generalization.
  const unusual = unusualRows(definition, source, columnOf);
  steps.push({
    rule: 'PPC Rule 34(4)',
    title: 'unusual descriptions suppressed',
    columns: attrs.filter((a) => a.rare).map((a) => a.name),
    rowsSuppressed: unusual.size,
  });
  const rows = source.rows.filter((_, r) => !unusual.has(r));
  if (definition.model.k > rows.length) {
    throw new HogoError(
      'anonymize.k_too_large',
      `${definition.locate(['privacy', 'k'])} privacy.k: k = ${definition.model.k} is larger than the table (${rows.length} rows)`,
      { field: 'privacy.k' },
    );
  }
  const qis = attrs.filter((a) => a.role === 'quasi-identifier');
  const hierarchies = qis.map((a): Hierarchy => {
    const values = rows.map((r) => r[columnOf.get(a.name)!]!);
    const h = a.hierarchy!;
    if ('file' in h) return parseHierarchyCsv(a.name, readFile(h.file), h.file);
    return builtinHierarchy(a.name, h, values);
  });
  const columns = qis.map((a) => rows.map((r) => r[columnOf.get(a.name)!]!));
  const sensitiveName = definition.model.sensitive;
  let table: ReturnType<typeof encodeTable>;
  try {
    table = encodeTable(
      columns,
      hierarchies,
      sensitiveName ? rows.map((r) => r[columnOf.get(sensitiveName)!]!) : undefined,
    );
  } catch (e) {
    // The definition's line of the attribute whose hierarchy lacks the value, then the row.
    const field = e instanceof HogoError ? e.details?.field : undefined;
    const i = attrs.findIndex((a) => a.name === field);
    if (!(e instanceof HogoError) || e.code !== 'anonymize.hierarchy_missing_value' || i < 0) {
      throw e;
    }
    throw new HogoError(
      e.code,
      `${definition.locate(['attributes', i, 'hierarchy'])} attributes.${i}.hierarchy: ${e.message}`,
      { ...e.details, field: `attributes.${i}.hierarchy` },
    );
  }
  // Rule 34(5): generalization suited to the database: the privacy model over the QIs.
  steps.push({
    rule: 'PPC Rule 34(5)',
    title: `generalized to ${modelName(definition)}`,
    columns: qis.map((a) => a.name),
  });

  let rowLevels: (t: number) => ArrayLike<number>;
  let keptTuple: (t: number) => boolean;
  let metrics: QualityMetrics;
  const levels: Record<string, number> = {};
  if (definition.algorithm === 'optimal') {
    const found = searchLattice(table, definition.model, definition.metric);
    if (!found) {
      throw new HogoError(
        'anonymize.no_solution',
        `${definition.locate(['privacy'])} privacy: no generalization meets the model within the suppression limit`,
      );
    }
    qis.forEach((a, i) => (levels[a.name] = found.levels[i]!));
    rowLevels = () => found.levels;
    keptTuple = (t) => found.classes.kept[found.classes.tupleClass[t]!] === 1;
    metrics = found.metrics;
  } else {
    if (definition.model.lDiversity || definition.model.tCloseness) {
      throw new HogoError(
        'anonymize.definition',
        `${definition.locate(['privacy', 'algorithm'])} privacy.algorithm: Mondrian here meets k-anonymity only; use optimal for l-diversity or t-closeness`,
      );
    }
    const m = mondrian(table, definition.model);
    qis.forEach((a, i) => (levels[a.name] = Math.max(0, ...m.classLevels.map((l) => l[i]!))));
    rowLevels = (t) => m.classLevels[m.classes.tupleClass[t]!]!;
    keptTuple = (t) => m.classes.kept[m.classes.tupleClass[t]!] === 1;
    metrics = m.metrics;
  }
  const kept = attrs.filter((a) => a.role !== 'identifier' && a.role !== 'identification-code');
  const qiIndex = new Map(qis.map((a, i) => [a.name, i]));
  const out: string[][] = [];
  rows.forEach((row, r) => {
    const t = table.rowTuple[r]!;
    if (!keptTuple(t)) return;
    const lv = rowLevels(t);
    out.push(
      kept.map((a) => {
        const v = row[columnOf.get(a.name)!]!;
        if (a.role === 'linking-code') return tokenize(v);
        const q = qiIndex.get(a.name);
        if (q === undefined) return v;
        const h = hierarchies[q]!;
        return h.labels[lv[q]!]![h.map[lv[q]!]![table.tupleCodes[q]![t]!]!]!;
      }),
    );
  });
  return {
    header: kept.map((a) => a.name),
    rows: out,
    report: { dataset: definition.name, algorithm: definition.algorithm, steps, levels, metrics },
  };
}

function modelName(d: DatasetDefinition): string {
  const parts = [`${d.model.k}-anonymity`];
  if (d.model.lDiversity)
    parts.push(`${d.model.lDiversity.kind} ${d.model.lDiversity.l}-diversity`);
  if (d.model.tCloseness) parts.push(`${d.model.tCloseness.t}-closeness`);
  return `${parts.join(', ')}, at most ${d.model.suppressionLimit * 100} % suppressed`;
}

function columnIndex(definition: DatasetDefinition, source: SourceTable): Map<string, number> {
  const index = new Map<string, number>();
  source.header.forEach((name, i) => {
    if (index.has(name)) {
      throw new HogoError(
        'anonymize.source',
        `${definition.source.kind === 'csv' ? definition.source.csv : 'registry'}:1:${i + 1} column "${name}" is named twice in the header`,
        { field: name },
      );
    }
    index.set(name, i);
  });
  definition.attributes.forEach((a, i) => {
    if (!index.has(a.name)) {
      throw new HogoError(
        'anonymize.source',
        `${definition.locate(['attributes', i, 'name'])} attributes.${i}.name: the source has no column "${a.name}"`,
        { field: a.name },
      );
    }
  });
  return index;
}

function unusualRows(
  definition: DatasetDefinition,
  source: SourceTable,
  columnOf: Map<string, number>,
): Set<number> {
  const out = new Set<number>();
  for (const a of definition.attributes) {
    if (!a.rare) continue;
    const col = columnOf.get(a.name)!;
    const counts = new Map<string, number>();
    for (const row of source.rows) counts.set(row[col]!, (counts.get(row[col]!) ?? 0) + 1);
    source.rows.forEach((row, r) => {
      const v = row[col]!;
      if (a.rare!.fewerThan !== undefined && counts.get(v)! < a.rare!.fewerThan) out.add(r);
      if (a.rare!.above !== undefined && Number(v) > a.rare!.above) out.add(r);
    });
  }
  return out;
}
