/** One row of an audience upload: each field already in its output form (hash or clear). */
export interface AudienceRow {
  readonly email?: string;
  readonly phone?: string;
  readonly firstName?: string;
  readonly lastName?: string;
  readonly country?: string;
  readonly zip?: string;
  readonly city?: string;
  readonly state?: string;
  readonly dateOfBirth?: string;
  readonly birthYear?: string;
  readonly gender?: string;
  readonly advertisingId?: string;
}
