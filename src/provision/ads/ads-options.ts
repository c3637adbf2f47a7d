import type { CountryCode } from 'libphonenumber-js/max';

/** How values are read and written for the platforms (configurable per export). */
export interface AdsOptions {
  /** The region of phone numbers written without a country code; default JP. */
  readonly defaultRegion?: CountryCode;
  /** Yahoo! JAPAN phones: domestic digits ('09012345678', default) or E.164. */
  readonly yahooPhoneFormat?: 'national' | 'e164';
}
