import type { AppContext } from '../app/app-context.ts';

/** What the security use cases need of the application context. */
export type SecurityDeps = Pick<AppContext, 'store' | 'audit' | 'clock'> &
  Partial<Pick<AppContext, 'policy'>>;
