/** Domain errors: imports nothing, so every slice and adapter may depend on it. */
export { HogoError } from './hogo-error.ts';
