/** The per-client limits' network of an address; kept by the security slice, which signs in. */
export { clientNetwork } from '../security/index.ts';
