import { HogoError } from '../errors/index.ts';
import { anonymizationSource } from '../registry/index.ts';
import type { Principal } from '../security/index.ts';
import type { AnonymizeDeps } from './anonymize-deps.ts';
import type { SourceTable } from './anonymize-dataset.ts';
import { CUSTOMER_COLUMN, type DatasetDefinition } from './dataset-definition.ts';

/** How many customers the source read, and why items were left out. */
export interface RegistrySourceTally {
  readonly considered: number;
  readonly included: number;
  readonly incomplete: number;
  readonly denied: Readonly<Record<string, number>>;
}

/**
 * The source table of a definition whose source is a registry query: a `customer` column (the
 * customer id; the definition makes it a linking code, so Rule 34(3) replaces it) and one column
 * per category, read through the registry's surface (no other slice selects its tables). Every
 * category must be one the policy names.
 */
export async function registrySourceTable(
  ctx: AnonymizeDeps,
  principal: Principal,
  definition: DatasetDefinition,
  datasetId: string,
  onProgress?: (done: number, total: number) => void,
): Promise<{ table: SourceTable; tally: RegistrySourceTally }> {
  const source = definition.source;
  if (source.kind !== 'registry') {
    throw new HogoError('anonymize.source', `${definition.file}: the source is not the registry`);
  }
  const known = new Set(ctx.policy.document.categories.map((c) => c.id));
  source.categories.forEach((c, i) => {
    if (!known.has(c)) {
      throw new HogoError(
        'anonymize.definition',
        `${definition.locate(['source', 'registry', 'categories', i])} source.registry.categories.${i}: "${c}" is not a category of the policy`,
        { field: `source.registry.categories.${i}` },
      );
    }
  });
  const linking = definition.attributes.find((a) => a.name === CUSTOMER_COLUMN);
  if (linking !== undefined && linking.role !== 'linking-code' && linking.role !== 'identifier') {
    const i = definition.attributes.indexOf(linking);
    throw new HogoError(
      'anonymize.definition',
      `${definition.locate(['attributes', i, 'role'])} attributes.${i}.role: the customer id is a linking code (PPC Rule 34(3)) or an identifier`,
      { field: `attributes.${i}.role` },
    );
  }
  const read = await anonymizationSource(
    ctx,
    principal,
    {
      ...(source.group !== undefined ? { group: source.group } : {}),
      categories: source.categories,
      ...(source.acquiredFrom !== undefined ? { acquiredFrom: source.acquiredFrom } : {}),
      ...(source.acquiredBefore !== undefined ? { acquiredBefore: source.acquiredBefore } : {}),
      purpose: source.purpose,
      dataset: datasetId,
    },
    onProgress,
  );
  return {
    table: {
      header: [CUSTOMER_COLUMN, ...source.categories],
      rows: read.customers.map((c) => [c.customerId, ...c.values]),
    },
    tally: {
      considered: read.tally.considered,
      included: read.tally.included,
      incomplete: read.tally.incomplete,
      denied: read.tally.denied,
    },
  };
}
