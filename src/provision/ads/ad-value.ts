/** Why a value could not be normalized for a platform: never guessed, never thrown. */
export type AdValueReason =
  | 'empty'
  | 'invalid_email'
  | 'invalid_phone'
  | 'phone_not_domestic'
  | 'invalid_country'
  | 'invalid_date'
  | 'invalid_gender'
  | 'invalid_advertising_id'
  | 'field_not_accepted';

/** A value in the platform's normal form, and whether the platform wants it hashed. */
export type Normalized =
  | { readonly ok: true; readonly normalized: string; readonly hashed: boolean }
  | { readonly ok: false; readonly reason: AdValueReason };

/** A value ready for the upload file: `output` is the hash, or the value when sent in clear. */
export type AdValue =
  | {
      readonly ok: true;
      readonly normalized: string;
      readonly hashed: boolean;
      readonly output: string;
    }
  | { readonly ok: false; readonly reason: AdValueReason };

/** A normalized value. */
export const normalized = (value: string, hashed: boolean): Normalized => ({
  ok: true,
  normalized: value,
  hashed,
});

/** A value refused with its reason. */
export const refused = (reason: AdValueReason): Normalized => ({ ok: false, reason });
