import type { Localized } from '../policy/index.ts';

/** A ground on which the law lets the company refuse a request, in whole or in part. */
export interface RefusalGround {
  /** The article of APPI (post-2022 numbering). */
  readonly article: string;
  /** The request kinds (clause IDs) this ground may refuse. */
  readonly kinds: readonly string[];
  /** The sentence the customer is told (APPI Art. 36: reasons with every refusal). */
  readonly text: Localized;
  /**
   * The states a request may be refused in on this ground; absent: once examined
   * ('inProgress'). Identity and fee grounds refuse before any examination.
   */
  readonly states?: readonly string[];
}

const DISCLOSURES = ['REQUEST.DISCLOSURE', 'REQUEST.PROVISION_RECORDS'];
/** Kinds the law lets a business charge for (APPI Art. 38(1)): a fee not paid refuses them. */
const CHARGEABLE = ['REQUEST.PURPOSES', ...DISCLOSURES];
const CORRECTIONS = ['REQUEST.AMENDMENT', 'REQUEST.ADDITION', 'REQUEST.DELETION'];
const SUSPENSIONS = ['REQUEST.SUSPEND_USE', 'REQUEST.SUSPEND_PROVISION', 'REQUEST.DELETION'];
const ALL_KINDS = [
  'REQUEST.PURPOSES',
  ...DISCLOSURES,
  ...CORRECTIONS,
  'REQUEST.SUSPEND_USE',
  'REQUEST.SUSPEND_PROVISION',
  'REQUEST.COMPLAINT',
  'REQUEST.COMMENT',
];

/** The grounds of refusal the law gives (Art. 33(2) i–iii and 33(3), 34, 35), by code. */
export const REFUSAL_REASONS = {
  harmToPerson: {
    article: 'APPI Art. 33(2)(i)',
    kinds: DISCLOSURES,
    text: {
      en: 'Disclosing it could harm the life, body, property or other rights and interests of you or a third party.',
      ja: '本人又は第三者の生命、身体、財産その他の権利利益を害するおそれがあるため、開示できません。',
    },
  },
  businessInterference: {
    article: 'APPI Art. 33(2)(ii)',
    kinds: DISCLOSURES,
    text: {
      en: 'Disclosing it could seriously interfere with the proper conduct of our business.',
      ja: '当社の業務の適正な実施に著しい支障を及ぼすおそれがあるため、開示できません。',
    },
  },
  violatesLaw: {
    article: 'APPI Art. 33(2)(iii)',
    kinds: DISCLOSURES,
    text: {
      en: 'Disclosing it would violate another law or regulation.',
      ja: '他の法令に違反することとなるため、開示できません。',
    },
  },
  purposesEvident: {
    article: 'APPI Art. 32(2)',
    kinds: ['REQUEST.PURPOSES'],
    text: {
      en: 'The purposes of use are already clear to you from what we have made public, or telling them falls under an exception of the law (APPI Art. 21(4)(i)–(iii)).',
      ja: '利用目的は公表により既に明らかであるか、又は法令の定める除外事由（個人情報保護法第21条第4項第1号から第3号）に該当するため、通知いたしません。',
    },
  },
  notHeld: {
    article: 'APPI Art. 33(3)',
    kinds: DISCLOSURES,
    text: {
      en: 'We hold no retained personal data (or no record of provision) on you of the kind requested.',
      ja: 'ご請求に係る保有個人データ（又は第三者提供記録）は存在しません。',
    },
  },
  contentAccurate: {
    article: 'APPI Art. 34(1)',
    kinds: CORRECTIONS,
    text: {
      en: 'Our investigation found the data to be accurate, so it was not corrected.',
      ja: '調査の結果、当該データの内容は事実であることが確認されたため、訂正等は行いません。',
    },
  },
  noGroundForSuspension: {
    article: 'APPI Art. 35(1)(3)(5)',
    kinds: SUSPENSIONS,
    text: {
      en: 'The request does not meet the grounds the law sets for stopping use, erasure or stopping provision.',
      ja: 'ご請求は、法令が定める利用停止等又は第三者提供の停止の要件に該当しません。',
    },
  },
  identityNotConfirmed: {
    article: 'APPI Art. 37(1)',
    kinds: ALL_KINDS,
    states: ['received'],
    text: {
      en: 'We could not confirm that the request comes from you (or from your agent with authority), so it cannot be answered.',
      ja: 'ご本人（又は権限のある代理人）からのご請求であることを確認できなかったため、お応えできません。',
    },
  },
  feeNotPaid: {
    article: 'APPI Art. 38(1)',
    kinds: CHARGEABLE,
    states: ['feeDue'],
    text: {
      en: 'The fee for the request was not paid, so it cannot be answered.',
      ja: '手数料のお支払いが確認できなかったため、お応えできません。',
    },
  },
  alternativeMeasure: {
    article: 'APPI Art. 35(2)(4)(6)',
    kinds: SUSPENSIONS,
    text: {
      en: 'Stopping would be very costly or difficult, so we have taken an alternative measure to protect your rights and interests.',
      ja: '利用停止等に多額の費用を要する等困難であるため、本人の権利利益を保護するための代替措置を講じました。',
    },
  },
  retainedByDuty: {
    article: 'APPI Art. 22, 35(5); RETAIN',
    kinds: ['REQUEST.DELETION'],
    text: {
      en: 'Part of your data is still needed for a contract in force or must be kept by law, so it is kept until the date shown; the rest has been erased.',
      ja: 'お客さまの情報の一部は、継続中の契約に必要であるか法令により保存が義務付けられているため、記載の期日まで保存します。それ以外の情報は削除しました。',
    },
  },
  legalHold: {
    article: 'APPI Art. 35(5); RETAIN.HOLD',
    kinds: ['REQUEST.DELETION'],
    text: {
      en: 'Your data is under a legal hold (a dispute, litigation or a request to preserve records) and cannot be erased until the hold ends.',
      ja: 'お客さまの情報は法的保全（紛争、訴訟または記録の保全要請）の対象となっているため、保全が終了するまで削除できません。',
    },
  },
} as const satisfies Record<string, RefusalGround>;

/** The grounds on which retention (RETAIN) keeps part of what a deletion asks to erase. */
const RETENTION_GROUNDS: ReadonlySet<string> = new Set(['retainedByDuty', 'legalHold']);

/** A code of REFUSAL_REASONS. */
export type RefusalReasonCode = keyof typeof REFUSAL_REASONS;

/** Every refusal reason code, for schemas and parsing. */
export const REFUSAL_REASON_CODES = Object.keys(REFUSAL_REASONS) as RefusalReasonCode[];

/** A refusal, whole or partial: the law's ground and a sentence for the customer. */
export interface Refusal {
  readonly reason: RefusalReasonCode;
  readonly message: string;
}

/** The grounds a request may be refused on now: wholly (`refuse`), and for a part (`partly`). */
export interface RefusalGrounds {
  readonly refuse: readonly RefusalReasonCode[];
  readonly partly: readonly RefusalReasonCode[];
}

/**
 * The grounds of the law for this kind in this state (APPI Art. 33–38): on the merits once the
 * request is examined ('inProgress'); identity before verification, the fee while it is due.
 * A deletion is refused in part only on what retention keeps (RETAIN: a duty or a hold), which
 * the fulfilment itself reads from the policy file and the holds, never staff's choice.
 * `transition` checks refusals against this; clients offer these and no copy of the rules.
 */
export function refusalGrounds(kind: string, state: string): RefusalGrounds {
  const refuse = REFUSAL_REASON_CODES.filter((code) => {
    const ground: RefusalGround = REFUSAL_REASONS[code];
    return ground.kinds.includes(kind) && (ground.states ?? ['inProgress']).includes(state);
  });
  const partly =
    state !== 'inProgress'
      ? []
      : kind === 'REQUEST.DELETION'
        ? refuse.filter((code) => RETENTION_GROUNDS.has(code))
        : refuse;
  return { refuse, partly };
}
