import { HogoError } from '../errors/index.ts';
import type { Principal } from '../security/index.ts';
import type { AnonymizeDeps } from './anonymize-deps.ts';
import { anonymizeDataset, type AnonymizedDataset, type SourceTable } from './anonymize-dataset.ts';
import type { DatasetDefinition } from './dataset-definition.ts';
import { registrySourceTable, type RegistrySourceTally } from './registry-source-table.ts';
import { verifyStandards } from './verify-standards.ts';

/** Where a build is: its phase and, while reading the registry, customers done of total. */
export type BuildProgress = (phase: string, done: number, total: number) => void;

/** What a build is given besides the definition. */
export interface BuildInput {
  /** The table of a CSV source, read by the caller; a registry source is read here. */
  readonly table?: SourceTable;
  /** Hierarchy files, by the name the definition gives. */
  readonly readFile: (path: string) => string;
  /** What the audit entry of the registry's reads names. */
  readonly datasetId: string;
  readonly onProgress?: BuildProgress;
}

/** The data set, and for a registry source how many customers were read and left out. */
export interface BuiltDataset {
  readonly dataset: AnonymizedDataset;
  readonly source?: RegistrySourceTally;
}

/**
 * Makes a data set: the source (the CSV table given, or the registry read for the definition's
 * purpose), the five standards of PPC Rule 34, then `verifyStandards` against the source, so a
 * data set that breaks one never leaves this function.
 */
export async function buildDataset(
  ctx: AnonymizeDeps | undefined,
  principal: Principal | undefined,
  definition: DatasetDefinition,
  input: BuildInput,
): Promise<BuiltDataset> {
  const progress = input.onProgress ?? (() => {});
  let table = input.table;
  let tally: RegistrySourceTally | undefined;
  if (definition.source.kind === 'registry') {
    if (ctx === undefined || principal === undefined) {
      throw new HogoError(
        'anonymize.source',
        `${definition.file}: a registry source needs the store`,
      );
    }
    const read = await registrySourceTable(ctx, principal, definition, input.datasetId, (d, t) =>
      progress('reading the registry', d, t),
    );
    table = read.table;
    tally = read.tally;
  }
  if (table === undefined) {
    throw new HogoError('anonymize.source', `${definition.file}: no source table was given`);
  }
  progress('generalizing', 0, 1);
  const dataset = anonymizeDataset(definition, table, input.readFile);
  // Nothing leaves that breaks a standard of Rule 34, whatever the definition said.
  const broken = verifyStandards(definition, table, dataset);
  if (broken.length > 0) {
    throw new HogoError('anonymize.standards_broken', `the data set breaks ${broken.join(', ')}`);
  }
  progress('done', 1, 1);
  return { dataset, ...(tally !== undefined ? { source: tally } : {}) };
}
