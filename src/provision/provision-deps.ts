import type { RegistryDeps } from '../registry/index.ts';

/** What provision's use cases need: what the registry needs, since they work through it. */
export type ProvisionDeps = RegistryDeps;
