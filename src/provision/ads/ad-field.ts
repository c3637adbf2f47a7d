/** A field of an audience upload (ADS.ITEMS), in hogo's names; each platform maps its own. */
export type AdField =
  | 'email'
  | 'phone'
  | 'firstName'
  | 'lastName'
  | 'country'
  | 'zip'
  | 'city'
  | 'state'
  | 'dateOfBirth'
  | 'birthYear'
  | 'gender'
  | 'advertisingId';
