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
export { anonymizeMigrations } from './anonymize-migrations.ts';
export type { AnonymizeDeps } from './anonymize-deps.ts';
export { buildDataset, type BuildProgress, type BuiltDataset } from './build-dataset.ts';
export { CUSTOMER_COLUMN, type CsvSource, type RegistrySource } from './dataset-definition.ts';
export type { DatasetView } from './dataset-view.ts';
export { approveDatasetDownload, downloadDataset } from './download-dataset.ts';
export { datasetNotices, provideDataset, type DatasetProvision } from './provide-dataset.ts';
export { publishDataset, publishedDatasets, type PublishInput } from './publish-dataset.ts';
export { publishedItems } from './published-items.ts';
export { listDatasets, readDataset } from './read-dataset.ts';
export { recordDataset } from './record-dataset.ts';
export { startDatasetJob, type DatasetJobInput, type StartedJob } from './start-dataset-job.ts';
export { registerAnonymizeRoutes } from './anonymize-routes.ts';
