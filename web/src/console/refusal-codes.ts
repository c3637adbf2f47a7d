/**
 * The console's labels of the grounds of refusal (APPI Art. 33–38), by code; which apply to a
 * request comes from the API (`refusals` of the request detail).
 */
export const REFUSAL_CODES: readonly {
  code: string;
  label: string;
}[] = [
  {
    code: 'identityNotConfirmed',
    label: 'Identity could not be confirmed (Art. 37(1))',
  },
  {
    code: 'feeNotPaid',
    label: 'Fee not paid (Art. 38(1))',
  },
  { code: 'harmToPerson', label: 'Harm to a person (Art. 33(2)(i))' },
  {
    code: 'businessInterference',
    label: 'Serious interference with business (Art. 33(2)(ii))',
  },
  { code: 'violatesLaw', label: 'Would violate another law (Art. 33(2)(iii))' },
  { code: 'notHeld', label: 'Not held (Art. 33(3))' },
  { code: 'contentAccurate', label: 'Content is accurate (Art. 34(1))' },
  {
    code: 'noGroundForSuspension',
    label: 'No ground for suspension (Art. 35(1)(3)(5))',
  },
  {
    code: 'alternativeMeasure',
    label: 'Alternative measure taken (Art. 35(2)(4)(6))',
  },
  { code: 'retainedByDuty', label: 'Kept by a retention duty (Art. 35(5), RETAIN)' },
  { code: 'legalHold', label: 'Under a legal hold (RETAIN.HOLD)' },
];
