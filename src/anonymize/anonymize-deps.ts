import type { ProvisionDeps } from '../provision/index.ts';

/**
 * What the anonymize use cases need: what the registry needs (the source is read through it)
 * and the provision slice (a provision is recorded through it).
 */
export type AnonymizeDeps = ProvisionDeps;
