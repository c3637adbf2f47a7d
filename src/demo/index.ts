/** The demo slice: what other slices and the adapters may call. */
export { seedDemo } from './seed-demo.ts';
