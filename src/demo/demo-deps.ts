import type { RegistryDeps } from '../registry/index.ts';

/** What seeding demo customers need: what the registry needs, since they work through it. */
export type DemoDeps = RegistryDeps;
