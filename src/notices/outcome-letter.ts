/** What an outcome letter says: the request, what became of it, and why when refused. */
export interface OutcomeLetterInput {
  readonly lang: 'en' | 'ja';
  readonly requestId: string;
  /** The request kind's name from the policy file. */
  readonly kindName: { readonly en: string; readonly ja?: string };
  /** YYYY-MM-DD the request was received (policy's zone). */
  readonly receivedDate: string;
  readonly result: 'fulfilled' | 'partlyFulfilled' | 'refused';
  /** APPI Art. 36: the law's sentence for the ground, and staff's sentence to the customer. */
  readonly refusal: {
    readonly ground: string;
    readonly message: string;
    readonly article: string;
  } | null;
  /** For disclosures: the package can be downloaded from the privacy center. */
  readonly hasPackage: boolean;
  /**
   * APPI Art. 33(1), the method the customer chose: 'paper' — the letter goes by post with the
   * package printed and enclosed; 'download' (default) — from the privacy center.
   */
  readonly delivery?: 'download' | 'paper';
  /**
   * For corrections, additions and suspensions: what changed, as sentences already in the
   * letter's language (item categories and purposes, never a value).
   */
  readonly changes?: readonly string[];
}

const RESULT = {
  en: {
    fulfilled: 'has been fulfilled',
    partlyFulfilled: 'has been partly fulfilled',
    refused: 'could not be fulfilled',
  },
  ja: {
    fulfilled: '対応を完了いたしました',
    partlyFulfilled: '一部について対応いたしました',
    refused: 'ご請求に応じることができませんでした',
  },
} as const;

/**
 * The letter that tells the customer the outcome of a request (APPI Art. 36: with the reasons
 * of any refusal), in English or Japanese. Plain text; no value of the customer in it.
 */
export function outcomeLetter(input: OutcomeLetterInput): { subject: string; body: string } {
  return input.lang === 'ja' ? japanese(input) : english(input);
}

function english(i: OutcomeLetterInput): { subject: string; body: string } {
  const lines = [
    'Dear customer,',
    '',
    `Your request for ${i.kindName.en} (reference ${i.requestId}), received on ${i.receivedDate}, ${RESULT.en[i.result]}.`,
  ];
  if (i.refusal !== null) {
    lines.push(
      '',
      i.result === 'refused' ? 'Reason:' : 'Reason for the part not fulfilled:',
      `${i.refusal.ground} (${i.refusal.article})`,
      i.refusal.message,
    );
  }
  if (i.changes !== undefined && i.changes.length > 0) {
    lines.push('', 'What changed:', ...i.changes.map((c) => `- ${c}`));
  }
  if (i.hasPackage && i.delivery === 'paper') {
    lines.push(
      '',
      'As you asked, the disclosed information is enclosed with this letter, printed on paper.',
    );
  } else if (i.hasPackage) {
    lines.push(
      '',
      'How to receive the disclosed information:',
      '1. Open the privacy center and confirm your identity with a one-time code sent to your e-mail address or phone on file.',
      `2. Open request ${i.requestId} under "My requests" and choose "Download" (a readable HTML page, or JSON).`,
      `   (API: GET /v1/public/requests/${i.requestId}/package?format=html)`,
    );
  }
  lines.push(
    '',
    'If you have questions about this outcome, please contact our privacy desk and quote the reference above.',
  );
  return {
    subject: `The outcome of your request (${i.kindName.en})`,
    body: `${lines.join('\n')}\n`,
  };
}

function japanese(i: OutcomeLetterInput): { subject: string; body: string } {
  const kind = i.kindName.ja ?? i.kindName.en;
  const lines = [
    'お客さま',
    '',
    `${i.receivedDate}に受け付けました${kind}のご請求（受付番号 ${i.requestId}）について、${RESULT.ja[i.result]}。`,
  ];
  if (i.refusal !== null) {
    lines.push(
      '',
      i.result === 'refused' ? '理由：' : '対応できなかった部分の理由：',
      `${i.refusal.ground}（${i.refusal.article}）`,
      i.refusal.message,
    );
  }
  if (i.changes !== undefined && i.changes.length > 0) {
    lines.push('', '変更した内容：', ...i.changes.map((c) => `・${c}`));
  }
  if (i.hasPackage && i.delivery === 'paper') {
    lines.push('', 'ご希望により、開示内容を書面に印刷して本状に同封しております。');
  } else if (i.hasPackage) {
    lines.push(
      '',
      '開示内容の受け取り方法：',
      '1. プライバシーセンターを開き、ご登録のメールアドレスまたは電話番号に送られるワンタイムコードでご本人確認をしてください。',
      `2. 「ご請求一覧」で受付番号 ${i.requestId} を開き、「ダウンロード」を選んでください（閲覧用HTMLまたはJSON）。`,
      `   （API: GET /v1/public/requests/${i.requestId}/package?format=html）`,
    );
  }
  lines.push(
    '',
    'この結果についてご不明な点は、上記の受付番号を添えて当社の個人情報相談窓口までお問い合わせください。',
  );
  return { subject: `ご請求の結果のお知らせ（${kind}）`, body: `${lines.join('\n')}\n` };
}
