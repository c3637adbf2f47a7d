const DISCLOSURES = ['REQUEST.DISCLOSURE', 'REQUEST.PROVISION_RECORDS'];
const CORRECTIONS = ['REQUEST.AMENDMENT', 'REQUEST.ADDITION', 'REQUEST.DELETION'];
const SUSPENSIONS = ['REQUEST.SUSPEND_USE', 'REQUEST.SUSPEND_PROVISION', 'REQUEST.DELETION'];

/** The grounds of refusal of APPI Art. 33–35, by code, with the kinds each may refuse. */
export const REFUSAL_CODES: readonly {
  code: string;
  label: string;
  kinds: readonly string[];
  /** The states it may refuse in; absent: once examined (inProgress). */
  states?: readonly string[];
}[] = [
  {
    code: 'identityNotConfirmed',
    label: 'Identity could not be confirmed (Art. 37(1))',
    kinds: [...DISCLOSURES, ...CORRECTIONS, ...SUSPENSIONS, 'REQUEST.COMPLAINT', 'REQUEST.COMMENT'],
    states: ['received'],
  },
  {
    code: 'feeNotPaid',
    label: 'Fee not paid (Art. 38(1))',
    kinds: DISCLOSURES,
    states: ['feeDue'],
  },
  { code: 'harmToPerson', label: 'Harm to a person (Art. 33(2)(i))', kinds: DISCLOSURES },
  {
    code: 'businessInterference',
    label: 'Serious interference with business (Art. 33(2)(ii))',
    kinds: DISCLOSURES,
  },
  { code: 'violatesLaw', label: 'Would violate another law (Art. 33(2)(iii))', kinds: DISCLOSURES },
  { code: 'notHeld', label: 'Not held (Art. 33(3))', kinds: DISCLOSURES },
  { code: 'contentAccurate', label: 'Content is accurate (Art. 34(1))', kinds: CORRECTIONS },
  {
    code: 'noGroundForSuspension',
    label: 'No ground for suspension (Art. 35(1)(3)(5))',
    kinds: SUSPENSIONS,
  },
  {
    code: 'alternativeMeasure',
    label: 'Alternative measure taken (Art. 35(2)(4)(6))',
    kinds: SUSPENSIONS,
  },
];
