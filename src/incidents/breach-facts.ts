/** What is known of an incident that decides the law's duties (PPC Rules Art. 7). */
export interface BreachFacts {
  /** The day the company knew, YYYY-MM-DD in Japan: day 1 of every period. */
  readonly knownOn: string;
  /** How many persons' data leaked or may have leaked. */
  readonly persons: number;
  /** Special care-required information (APPI Art. 2(3)) of anyone among them. */
  readonly sensitive: boolean;
  /** Data whose misuse may cause financial damage (card or bank data). */
  readonly financial: boolean;
  /** May have been caused by an act with a wrongful purpose against the company. */
  readonly wrongful: boolean;
  /** The wrongful act targeted data being obtained (skimming of a form), not data held. */
  readonly skimming?: boolean;
  /** Protected by strong encryption, the key kept safe. */
  readonly encrypted: boolean;
  /** The secrecy of communications is concerned (Telecommunications Business Act Art. 4). */
  readonly secrecyOfCommunications?: boolean;
}
