/** The kinds of recipient the API accepts, with their labels and the clause each rests on. */
export const RECIPIENT_KINDS: readonly {
  readonly id: string;
  readonly label: string;
  readonly clause: string;
}[] = [
  { id: 'subcontractor', label: 'Subcontractor', clause: 'PROVIDE.SUBCONTRACTOR' },
  { id: 'claimsCollector', label: 'Claims collector', clause: 'PROVIDE.CLAIMS' },
  { id: 'authority', label: 'Authority', clause: 'PROVIDE.AUTHORITY' },
  { id: 'adPlatform', label: 'Ad platform', clause: 'ADS' },
  { id: 'jointUser', label: 'Joint user', clause: 'JOINT_USE' },
];

/** The label of a recipient kind (its id when unknown). */
export const kindLabel = (id: string): string =>
  RECIPIENT_KINDS.find((k) => k.id === id)?.label ?? id;
