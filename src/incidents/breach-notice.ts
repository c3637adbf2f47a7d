import { NOTICE_ITEMS, REPORT_ITEM_NAMES, type ReportItems } from './report-items.ts';

/** What a breach notice says: the incident, and the items of PPC Rules Art. 10. */
export interface BreachNoticeInput {
  readonly lang: 'en' | 'ja';
  readonly incidentId: string;
  /** The day the company knew, YYYY-MM-DD. */
  readonly knownOn: string;
  readonly items: ReportItems;
}

/**
 * The notice to a person whose data leaked (APPI Art. 26(2)): the items of PPC Rules Art. 10
 * (outline, the items of personal data, cause, secondary damage, other matters), in English or
 * Japanese. The same text for every person: nothing of the customer is in it.
 */
export function breachNotice(input: BreachNoticeInput): { subject: string; body: string } {
  const ja = input.lang === 'ja';
  const lines = ja
    ? [
        'お客さま',
        '',
        `当社は${input.knownOn}、お客さまの個人データの漏えい等が発生し、又は発生したおそれがあることを知りました。深くお詫び申し上げます。個人情報保護法第26条第2項に基づき、次のとおりお知らせいたします（受付番号 ${input.incidentId}）。`,
      ]
    : [
        'Dear customer,',
        '',
        `On ${input.knownOn} we learned that personal data of yours has leaked, or may have leaked. We sincerely apologise. As the Act on the Protection of Personal Information (Art. 26(2)) requires, we tell you the following (reference ${input.incidentId}).`,
      ];
  for (const item of NOTICE_ITEMS) {
    const text = input.items[item].trim();
    if (text === '') continue;
    lines.push(
      '',
      ja ? `【${REPORT_ITEM_NAMES[item].ja}】` : `${REPORT_ITEM_NAMES[item].en}:`,
      text,
    );
  }
  lines.push(
    '',
    ja
      ? 'ご不明な点は、上記の受付番号を添えて当社の個人情報相談窓口までお問い合わせください。'
      : 'If you have questions, please contact our privacy desk and quote the reference above.',
  );
  return {
    subject: ja ? '個人データの漏えい等に関するお知らせ' : 'About a leak of your personal data',
    body: `${lines.join('\n')}\n`,
  };
}
