import { isMap, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import { HogoError } from '../errors/index.ts';
import type { BuiltinHierarchy } from './builtin-hierarchies.ts';
import type { SearchMetric } from './lattice-search.ts';
import type { PrivacyModel } from './privacy-model.ts';

/**
 * An attribute's role under PPC Rule 34: identifiers (34(1)) and identification codes (34(2))
 * are removed, linking codes (34(3)) replaced by tokens, quasi-identifiers generalized (34(5)),
 * sensitive and insensitive values kept as they are.
 */
export type AttributeRole =
  | 'identifier'
  | 'identification-code'
  | 'linking-code'
  | 'quasi-identifier'
  | 'sensitive'
  | 'insensitive';

/** One column of the data set and how it is treated. */
export interface AttributeDefinition {
  readonly name: string;
  readonly role: AttributeRole;
  /** A hierarchy file (ARX CSV layout, relative to the definition) or a built-in one. */
  readonly hierarchy?: { readonly file: string } | BuiltinHierarchy;
  /** Rule 34(4): a value held by fewer than this many rows, or a number above `above`, is unusual. */
  readonly rare?: { readonly fewerThan?: number; readonly above?: number };
}

/** A delimited file, relative to the definition. */
export interface CsvSource {
  readonly kind: 'csv';
  readonly csv: string;
  readonly delimiter: string;
}

/**
 * A registry query (§7 ANONYMIZED): the current items of these categories, one column each
 * after the `customer` column (the customer id, a linking code), of customers of the group, acquired
 * in the window, each decided by the policy for the purpose.
 */
export interface RegistrySource {
  readonly kind: 'registry';
  readonly group?: string;
  readonly categories: readonly string[];
  /** Milliseconds; a bare date is midnight in Japan time. */
  readonly acquiredFrom?: number;
  readonly acquiredBefore?: number;
  readonly purpose: string;
}

/** The column a registry source gives the customer id in. */
export const CUSTOMER_COLUMN = 'customer';

/** A checked data-set definition. */
export interface DatasetDefinition {
  readonly file: string;
  readonly name: string;
  readonly source: CsvSource | RegistrySource;
  readonly attributes: readonly AttributeDefinition[];
  readonly model: PrivacyModel & { readonly sensitive?: string };
  readonly algorithm: 'optimal' | 'mondrian';
  readonly metric: SearchMetric;
  /** Where each field sits in the file, for errors found later (k larger than the table…). */
  readonly locate: (path: readonly (string | number)[]) => string;
}

const ROLES: readonly AttributeRole[] = [
  'identifier',
  'identification-code',
  'linking-code',
  'quasi-identifier',
  'sensitive',
  'insensitive',
];
const BUILTINS = ['date', 'age', 'interval', 'postal-code', 'jp-address'];
const METRICS: readonly SearchMetric[] = [
  'loss',
  'discernibility',
  'average-class-size',
  'precision',
];

/**
 * Parses a definition (YAML or JSON). Every problem is a HogoError whose message starts with
 * `file:line:column` and names the field.
 */
export function parseDatasetDefinition(text: string, file: string): DatasetDefinition {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const where = (offset: number): string => {
    const { line, col } = lineCounter.linePos(offset);
    return `${file}:${line}:${col}`;
  };
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    throw new HogoError('anonymize.definition', `${where(e.pos[0])} ${e.message.split('\n')[0]}`);
  }
  const locate = (path: readonly (string | number)[]): string => where(offsetOf(doc, path));
  const fail = (path: readonly (string | number)[], message: string): never => {
    throw new HogoError('anonymize.definition', `${locate(path)} ${path.join('.')}: ${message}`, {
      field: path.join('.'),
    });
  };
  const data = doc.toJS() as Record<string, unknown> | null;
  if (data === null || typeof data !== 'object') fail([], 'the definition must be a mapping');
  const d = data!;
  const str = (path: (string | number)[], v: unknown): string =>
    typeof v === 'string' && v.length > 0 ? v : fail(path, 'must be a non-empty string');
  const num = (path: (string | number)[], v: unknown, min: number, max = Infinity): number =>
    typeof v === 'number' && v >= min && v <= max
      ? v
      : fail(path, `must be a number from ${min} to ${max}`);

  const rawSource = (d.source ?? fail(['source'], 'is required')) as Record<string, unknown>;
  const source =
    rawSource.registry !== undefined
      ? registrySource(rawSource.registry as Record<string, unknown>, fail)
      : ({
          kind: 'csv',
          csv: str(['source', 'csv'], rawSource.csv),
          delimiter:
            rawSource.delimiter === undefined
              ? ','
              : str(['source', 'delimiter'], rawSource.delimiter),
        } as const);
  if (!Array.isArray(d.attributes) || d.attributes.length === 0) {
    fail(['attributes'], 'must list at least one attribute');
  }
  const seen = new Map<string, number>();
  const attributes = (d.attributes as unknown[]).map((raw, i): AttributeDefinition => {
    const a = (raw ?? {}) as Record<string, unknown>;
    const name = str(['attributes', i, 'name'], a.name);
    if (seen.has(name)) {
      fail(
        ['attributes', i, 'name'],
        `column "${name}" is named twice (first as attributes.${seen.get(name)})`,
      );
    }
    seen.set(name, i);
    const role = a.role as AttributeRole;
    if (!ROLES.includes(role))
      fail(['attributes', i, 'role'], `must be one of ${ROLES.join(', ')}`);
    let hierarchy: AttributeDefinition['hierarchy'];
    if (a.hierarchy !== undefined) {
      const h = a.hierarchy as Record<string, unknown>;
      if (typeof h.file === 'string') hierarchy = { file: h.file };
      else if (typeof h.builtin === 'string' && BUILTINS.includes(h.builtin)) {
        const widths = h.widths as number[] | undefined;
        if (
          widths !== undefined &&
          (!Array.isArray(widths) || widths.some((w) => typeof w !== 'number' || w < 1))
        ) {
          fail(['attributes', i, 'hierarchy', 'widths'], 'must be a list of positive numbers');
        }
        if (h.builtin === 'interval' && widths === undefined) {
          fail(['attributes', i, 'hierarchy', 'widths'], 'is required for an interval hierarchy');
        }
        hierarchy = { kind: h.builtin, ...(widths ? { widths } : {}) } as BuiltinHierarchy;
      } else {
        fail(
          ['attributes', i, 'hierarchy'],
          `needs file: PATH or builtin: one of ${BUILTINS.join(', ')}`,
        );
      }
    }
    if (role === 'quasi-identifier' && hierarchy === undefined) {
      fail(['attributes', i, 'hierarchy'], 'a quasi-identifier needs a hierarchy');
    }
    const rare = a.rare as AttributeDefinition['rare'];
    if (rare !== undefined) {
      if (rare.fewerThan !== undefined)
        num(['attributes', i, 'rare', 'fewerThan'], rare.fewerThan, 1);
      if (rare.above !== undefined) num(['attributes', i, 'rare', 'above'], rare.above, -Infinity);
    }
    return { name, role, ...(hierarchy ? { hierarchy } : {}), ...(rare ? { rare } : {}) };
  });
  if (!attributes.some((a) => a.role === 'quasi-identifier')) {
    fail(['attributes'], 'no attribute is a quasi-identifier');
  }
  const p = (d.privacy ?? fail(['privacy'], 'is required')) as Record<string, unknown>;
  const k = num(['privacy', 'k'], p.k, 2);
  const suppressionLimit =
    p.suppressionLimit === undefined
      ? 0
      : num(['privacy', 'suppressionLimit'], p.suppressionLimit, 0, 1);
  const model: DatasetDefinition['model'] = {
    k,
    suppressionLimit,
    ...sensitiveModel(p, attributes, fail),
  };
  const algorithm = p.algorithm ?? 'optimal';
  if (algorithm !== 'optimal' && algorithm !== 'mondrian') {
    fail(['privacy', 'algorithm'], 'must be optimal or mondrian');
  }
  const metric = (p.metric ?? 'loss') as SearchMetric;
  if (!METRICS.includes(metric))
    fail(['privacy', 'metric'], `must be one of ${METRICS.join(', ')}`);
  const name = str(['name'], d.name);
  return {
    file,
    name,
    source,
    attributes,
    model,
    algorithm: algorithm as 'optimal' | 'mondrian',
    metric,
    locate,
  };
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function registrySource(
  r: Record<string, unknown>,
  fail: (path: (string | number)[], message: string) => never,
): RegistrySource {
  const at = ['source', 'registry'];
  if (r === null || typeof r !== 'object') fail(at, 'must be a mapping');
  const purpose = r.purpose;
  if (typeof purpose !== 'string' || purpose === '') {
    fail([...at, 'purpose'], 'must name the purpose the data set is made for');
  }
  const group = r.group;
  if (group !== undefined && group !== 'REG' && group !== 'OTH') {
    fail([...at, 'group'], 'must be REG or OTH');
  }
  const categories = r.categories;
  if (!Array.isArray(categories) || categories.length === 0) {
    fail([...at, 'categories'], 'must list at least one item category');
  }
  const seen = new Set<string>();
  (categories as unknown[]).forEach((c, i) => {
    if (typeof c !== 'string' || c === '') fail([...at, 'categories', i], 'must be a category id');
    // My Number Act Art. 9, 19: individual numbers serve only the uses the Act lists.
    if (c === 'myNumber') {
      fail(
        [...at, 'categories', i],
        'My Number may not be used for a data set (My Number Act Art. 9, 19)',
      );
    }
    if (c === CUSTOMER_COLUMN)
      fail([...at, 'categories', i], `"${CUSTOMER_COLUMN}" is the customer id column`);
    if (seen.has(c as string)) fail([...at, 'categories', i], `category "${c}" is named twice`);
    seen.add(c as string);
  });
  const instant = (key: string): number | undefined => {
    const v = (r.acquired as Record<string, unknown> | undefined)?.[key];
    if (v === undefined) return undefined;
    const text = v instanceof Date ? v.toISOString() : v;
    const ms =
      typeof text !== 'string'
        ? Number.NaN
        : DATE.test(text)
          ? Date.parse(`${text}T00:00:00+09:00`)
          : Date.parse(text);
    return Number.isNaN(ms)
      ? fail(
          [...at, 'acquired', key],
          'must be a date (YYYY-MM-DD, Japan time) or an ISO 8601 instant',
        )
      : ms;
  };
  if (r.acquired !== undefined && (typeof r.acquired !== 'object' || r.acquired === null)) {
    fail([...at, 'acquired'], 'must be a mapping of from and before');
  }
  const acquiredFrom = instant('from');
  const acquiredBefore = instant('before');
  if (
    acquiredFrom !== undefined &&
    acquiredBefore !== undefined &&
    acquiredBefore <= acquiredFrom
  ) {
    fail([...at, 'acquired', 'before'], 'must be after from');
  }
  return {
    kind: 'registry',
    ...(group !== undefined ? { group: group as string } : {}),
    categories: categories as string[],
    ...(acquiredFrom !== undefined ? { acquiredFrom } : {}),
    ...(acquiredBefore !== undefined ? { acquiredBefore } : {}),
    purpose: purpose as string,
  };
}

function sensitiveModel(
  p: Record<string, unknown>,
  attributes: readonly AttributeDefinition[],
  fail: (path: (string | number)[], message: string) => never,
): Partial<DatasetDefinition['model']> {
  if (p.lDiversity === undefined && p.tCloseness === undefined) return {};
  const sensitive = p.sensitive;
  const attr = attributes.find((a) => a.name === sensitive);
  if (!attr || attr.role !== 'sensitive')
    fail(['privacy', 'sensitive'], 'must name a sensitive attribute');
  const out: {
    sensitive: string;
    lDiversity?: PrivacyModel['lDiversity'];
    tCloseness?: PrivacyModel['tCloseness'];
  } = {
    sensitive: sensitive as string,
  };
  if (p.lDiversity !== undefined) {
    const l = p.lDiversity as Record<string, unknown>;
    if (l.kind !== 'distinct' && l.kind !== 'entropy')
      fail(['privacy', 'lDiversity', 'kind'], 'must be distinct or entropy');
    if (typeof l.l !== 'number' || l.l < 2)
      fail(['privacy', 'lDiversity', 'l'], 'must be a number ≥ 2');
    out.lDiversity = { kind: l.kind as 'distinct' | 'entropy', l: l.l as number };
  }
  if (p.tCloseness !== undefined) {
    const t = (p.tCloseness as Record<string, unknown>).t;
    if (typeof t !== 'number' || t <= 0 || t > 1)
      fail(['privacy', 'tCloseness', 't'], 'must be a number in (0, 1]');
    out.tCloseness = { t: t as number };
  }
  return out;
}

function offsetOf(doc: Document, path: readonly (string | number)[]): number {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth), true);
    if (node && typeof node === 'object' && 'range' in node && Array.isArray(node.range)) {
      return (node.range as number[])[0]!;
    }
    if (isMap(node) || isSeq(node)) return 0;
  }
  return 0;
}
