import { userInfo } from 'node:os';
import type { Principal } from '../security/index.ts';

/**
 * Who acts when bulk work runs from the command line (SECURITY.3): the OS user, as a system
 * principal — whoever can run `hogo` against the database already holds its keys.
 */
export function cliPrincipal(job: string): Principal {
  let user = 'unknown';
  try {
    user = userInfo().username;
  } catch {
    // No passwd entry (a container's arbitrary uid): the job name still says what acted.
  }
  return {
    id: `cli:${user}:${job}`,
    kind: 'user',
    name: `cli:${user}`,
    role: 'system',
    scope: { categories: 'all', purposes: 'all' },
  };
}
