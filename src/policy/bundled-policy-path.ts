import { fileURLToPath } from 'node:url';

/** The policy bundled with hogo: policies/ntt-com/policy.yaml. */
export const BUNDLED_POLICY_PATH = fileURLToPath(
  new URL('../../policies/ntt-com/policy.yaml', import.meta.url),
);
