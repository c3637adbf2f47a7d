/** The config slice: what other slices and the adapters may call. */
export { appSettings } from './app-settings.ts';
export { loadConfig } from './load-config.ts';
