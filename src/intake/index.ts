/** The intake slice: what other slices and the adapters may call. */
export { openBadRowReport } from './bad-row-report.ts';
export { type ImportRow } from './import-columns.ts';
export { type ImportCounts, type ImportFormat, importFile } from './import-file.ts';
export { intakeMigrations } from './intake-migrations.ts';
export { prepareRow } from './prepare-row.ts';
export { writeCustomerBatch } from './write-customer-batch.ts';
export { formatCsvRow } from './csv/format-csv-row.ts';
