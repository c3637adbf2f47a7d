/** The anonymize slice: anonymously processed information (§7 ANONYMIZED; APPI Art. 43–44). */
export { anonymizeDataset } from './anonymize-dataset.ts';
export type {
  AnonymizationReport,
  AnonymizedDataset,
  SourceTable,
  StandardStep,
} from './anonymize-dataset.ts';
export { builtinHierarchy, type BuiltinHierarchy } from './builtin-hierarchies.ts';
export { parseDatasetDefinition } from './dataset-definition.ts';
export type {
  AttributeDefinition,
  AttributeRole,
  DatasetDefinition,
} from './dataset-definition.ts';
export { encodeTable, type EncodedTable } from './encoded-table.ts';
export { hierarchyFromRows, parseHierarchyCsv, type Hierarchy } from './hierarchy.ts';
export { searchLattice, type LatticeResult, type SearchMetric } from './lattice-search.ts';
export { linkTokenizer } from './link-tokens.ts';
export { mondrian, type MondrianResult } from './mondrian.ts';
export type { PrivacyModel } from './privacy-model.ts';
export type { QualityMetrics } from './quality-metrics.ts';
export { verifyStandards } from './verify-standards.ts';
