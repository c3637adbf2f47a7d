import type { RegistryDeps } from '../registry/index.ts';

/** What a bulk intake need: what the registry needs, since they work through it. */
export type IntakeDeps = RegistryDeps;
