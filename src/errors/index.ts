/** Domain errors: imports nothing outside this folder, so every slice and adapter may depend on it. */
export { ERROR_CATALOG, kindOf, type ErrorCode } from './error-catalog.ts';
export { ERROR_KINDS, type ErrorKind } from './error-kind.ts';
export { HogoError } from './hogo-error.ts';
