/** Why a customer is left out of an ad export, in the order the receipt lists them. */
export const EXCLUSION_LABELS: readonly { readonly id: string; readonly label: string }[] = [
  { id: 'opted_out', label: 'Opted out of ads (ADS.OPT_OUT)' },
  { id: 'suspended', label: 'Use or provision suspended on request' },
  { id: 'transitional', label: 'Transitional provisions (SP.2022.TRANSITIONAL)' },
  { id: 'not_eligible_for_purpose', label: 'Not eligible for the purpose' },
  { id: 'no_items', label: 'No item the platform accepts' },
  { id: 'value_did_not_normalize', label: 'Value did not normalize' },
];
