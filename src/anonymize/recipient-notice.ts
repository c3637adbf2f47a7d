import type { Localized } from '../policy/index.ts';

/** The facts the notice states. */
export interface NoticeFacts {
  readonly company: Localized;
  readonly recipientName: string;
  readonly datasetName: string;
  readonly items: readonly Localized[];
  readonly method: Localized;
  /** YYYY-MM-DD, Japan time. */
  readonly providedOn: string;
}

/**
 * The written notice to the recipient (APPI Art. 44; PPC Rules Art. 37): that what it receives is
 * anonymously processed information, its items and the method, and what it must not do (APPI
 * Art. 45: no re-identification, no obtaining of the removed descriptions or the method).
 */
export function recipientNotice(f: NoticeFacts): {
  en: { subject: string; body: string };
  ja: { subject: string; body: string };
} {
  const ja = (t: Localized) => t.ja ?? t.en;
  return {
    en: {
      subject: `Anonymously processed information provided: ${f.datasetName}`,
      body: [
        `To ${f.recipientName}`,
        '',
        `On ${f.providedOn}, ${f.company.en} provides you with the data set "${f.datasetName}".`,
        'It is anonymously processed information under Article 44 of the Act on the Protection of Personal Information.',
        '',
        'Items of information about individuals it contains:',
        ...f.items.map((i) => `  - ${i.en}`),
        '',
        `Method of provision: ${f.method.en}`,
        '',
        'Under Article 45 of the Act you may not re-identify any person from it, nor obtain the descriptions removed from it or the method of its processing.',
        '',
        f.company.en,
      ].join('\n'),
    },
    ja: {
      subject: `匿名加工情報の提供について：${f.datasetName}`,
      body: [
        `${f.recipientName} 御中`,
        '',
        `${ja(f.company)}は、${f.providedOn}、データセット「${f.datasetName}」を貴社に提供します。`,
        '本データセットは、個人情報の保護に関する法律第44条に定める匿名加工情報です。',
        '',
        '含まれる個人に関する情報の項目：',
        ...f.items.map((i) => `  ・${ja(i)}`),
        '',
        `提供の方法：${ja(f.method)}`,
        '',
        '同法第45条により、本人を識別するために他の情報と照合すること、削除された記述等および加工の方法に関する情報を取得することはできません。',
        '',
        ja(f.company),
      ].join('\n'),
    },
  };
}
