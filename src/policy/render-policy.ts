import type { CompiledPolicy } from './compile-policy.ts';
import {
  policyAt,
  type ContactView,
  type FeeView,
  type PolicyAtView,
  type PurposeView,
} from './policy-at.ts';
import type { Localized, PolicyClause } from './policy-schema.ts';

/**
 * The public policy page, generated from the same file the decisions enforce: the version in
 * force at an instant, in English or Japanese, as an HTML5 document or as Markdown. Pure and
 * deterministic: the output depends only on the policy and the options (never on the clock).
 *
 * The page is built once as a small document model (headings, paragraphs, lists, tables of
 * inline runs) and then written out as HTML or Markdown, so both formats carry the same content.
 */

export type PolicyLang = 'en' | 'ja';

export interface RenderOptions {
  readonly lang: PolicyLang;
  readonly format: 'html' | 'md';
  /** The instant whose version is shown, in milliseconds since the epoch. */
  readonly at: number;
  /**
   * Other query parameters the language switch link keeps (e.g. `{ at: '2022-06-30' }`); the
   * link is `?lang=…` followed by these, sorted by name.
   */
  readonly query?: Readonly<Record<string, string>>;
  /**
   * Shown inside another page (the privacy center) that has its own language switch: the
   * page's own switch is left out, so a reader cannot turn the frame's language alone.
   */
  readonly embedded?: boolean;
  /**
   * APPI Art. 43(3), 44; PPC Rules Art. 36: the data sets of anonymously processed information
   * published, shown with the clause ANONYMIZED (the items each contains, the method of provision).
   */
  readonly anonymizedDatasets?: readonly PublishedDataset[];
}

/** A published data set of anonymously processed information, as the public page shows it. */
export interface PublishedDataset {
  readonly name: string;
  /** YYYY-MM-DD, in the policy's zone. */
  readonly publishedOn: string;
  readonly items: readonly Localized[];
  readonly method: Localized;
}

// ---------------------------------------------------------------------------------------------
// The document model

type NoteKind = 'draft' | 'english';

type Inline =
  | { readonly kind: 'text'; readonly text: string; readonly lang?: PolicyLang }
  | { readonly kind: 'id'; readonly id: string; readonly href?: string }
  | { readonly kind: 'mark'; readonly note: NoteKind }
  | { readonly kind: 'link'; readonly href: string; readonly text: string }
  | { readonly kind: 'small'; readonly content: readonly Inline[]; readonly cls: string }
  | { readonly kind: 'check'; readonly yes: boolean }
  | { readonly kind: 'br' };

type Block =
  | {
      readonly kind: 'h';
      readonly level: 3 | 4;
      readonly anchor: string;
      readonly content: readonly Inline[];
    }
  | { readonly kind: 'p'; readonly content: readonly Inline[]; readonly cls?: string }
  | {
      readonly kind: 'ul';
      readonly items: readonly { readonly anchor?: string; readonly content: readonly Inline[] }[];
    }
  | {
      readonly kind: 'table';
      readonly caption: readonly Inline[];
      readonly head: readonly (readonly Inline[])[];
      /** The first cell of each row is its header. */
      readonly rows: readonly (readonly (readonly Inline[])[])[];
    };

interface Section {
  readonly anchor: string;
  readonly heading: readonly Inline[];
  readonly blocks: readonly Block[];
}

interface Page {
  readonly lang: PolicyLang;
  readonly title: string;
  /** The document title: the policy's title and the company's name. */
  readonly headTitle: string;
  readonly company: readonly Inline[];
  readonly dates: readonly (readonly Inline[])[];
  readonly intro: readonly Inline[] | null;
  readonly sections: readonly Section[];
  readonly notes: readonly { readonly id: string; readonly content: readonly Inline[] }[];
  readonly switchHref: string;
  readonly embedded: boolean;
  readonly switchLabel: string;
}

// ---------------------------------------------------------------------------------------------
// Words of the page that are not in the policy file

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const WORDS = {
  en: {
    enacted: (d: string) => `Enacted on ${d}`,
    revised: (d: string) => `Last revised on ${d}`,
    contents: 'Contents',
    language: 'Language',
    switchLabel: '日本語',
    skip: 'Skip to the policy',
    supplementary: 'Supplementary Provisions',
    history: 'Revision history',
    historyCaption: 'Versions of this policy up to the one shown',
    date: 'Date',
    summary: 'Summary',
    thisVersion: 'the version shown on this page',
    unknownChanges: 'The source does not say what this revision changed.',
    unknownEnacted: 'The source does not record the text as enacted.',
    effective: (d: string) => `Implementation date: ${d}.`,
    appliesOnly: 'These purposes apply only as the provision above states:',
    extraPurposes: 'Purposes specified so far through services and surveys:',
    specified: (d: string) => `specified ${d}`,
    adsCaption: 'Items of information provided to each Provider',
    item: 'Item',
    country: 'Located in',
    accepted: 'provided',
    notAccepted: 'not provided',
    countriesCaption: 'Foreign countries where personal information is stored or sent',
    countryName: 'Country',
    countryLaw: 'Protection system',
    countryAdequacy: 'Equivalent system (Rule 15) / APEC CBPR',
    countryGaps: 'Gaps against the OECD principles',
    countryAccess: 'Government access, data localisation',
    countryReviewed: 'Reviewed',
    adequate: 'designated equivalent',
    notAdequate: 'not designated',
    cbpr: 'CBPR participant',
    noCbpr: 'not in CBPR',
    noLaw: 'No system protecting personal information',
    requestsCaption: 'Requests, fees and time to answer',
    request: 'Request',
    fee: 'Fee',
    due: 'Answered within',
    days: (n: number) => (n === 1 ? '1 day' : `${n} days`),
    noFee: 'No fee',
    perLine: 'per subscriber line',
    perRequest: 'per request',
    tax: 'tax',
    irregular: 'an additional fee may be charged for a request made in an irregular way',
    contacts: 'Contact',
    notInForce: 'Not in force',
    generated: (id: string, v: string) =>
      `This page is generated from the policy file “${id}” (version ${v}), the same file the company’s systems enforce.`,
    draftNote: '',
    englishNote: '',
    draftMark: '',
    englishMark: '',
  },
  ja: {
    enacted: (d: string) => `制定日：${d}`,
    revised: (d: string) => `最終改定日：${d}`,
    contents: '目次',
    language: '言語',
    switchLabel: 'English',
    skip: '本文へ移動',
    supplementary: '附則',
    history: '改定履歴',
    historyCaption: '本ページに示す版までの改定',
    date: '日付',
    summary: '概要',
    thisVersion: '本ページに示す版',
    unknownChanges: 'この改定で何が変わったかは出典に記載がありません。',
    unknownEnacted: '制定時の本文は出典に記録されていません。',
    effective: (d: string) => `施行日：${d}。`,
    appliesOnly: '上記の規定により、次の利用目的はその範囲に限り適用されます。',
    extraPurposes: 'サービスおよびアンケートを通じてこれまでに特定した利用目的：',
    specified: (d: string) => `${d} 特定`,
    adsCaption: '事業者ごとに提供する情報の項目',
    item: '項目',
    country: '所在国',
    accepted: '提供する',
    notAccepted: '提供しない',
    countriesCaption: '個人情報を保管し、または提供する外国',
    countryName: '国',
    countryLaw: '個人情報の保護に関する制度',
    countryAdequacy: '同等の水準にある国（規則15条）／APEC CBPR',
    countryGaps: 'OECDプライバシーガイドライン8原則との相違',
    countryAccess: '政府による情報へのアクセス・データローカライゼーション',
    countryReviewed: '確認日',
    adequate: '指定あり',
    notAdequate: '指定なし',
    cbpr: 'CBPR参加国',
    noCbpr: 'CBPR不参加',
    noLaw: '個人情報の保護に関する制度なし',
    requestsCaption: 'ご請求の種類・手数料・回答期限',
    request: 'ご請求',
    fee: '手数料',
    due: '回答期限',
    days: (n: number) => `${n}日以内`,
    noFee: '無料',
    perLine: '1回線あたり',
    perRequest: '1件あたり',
    tax: '税',
    irregular: '通常と異なる方法によるご請求には、別途手数料を申し受けることがあります',
    contacts: '連絡先',
    notInForce: '効力なし',
    generated: (id: string, v: string) =>
      `本ページは、当社のシステムが執行するものと同じポリシーファイル「${id}」（${v} 版）から生成しています。`,
    draftNote: '（仮訳）の付いた文は、英語の原文から起こした仮訳で、確認を経ていません。',
    englishNote: '（英語）の付いた文は、日本語訳がないため英語の原文を掲げています。',
    draftMark: '（仮訳）',
    englishMark: '（英語）',
  },
} as const;

type Words = (typeof WORDS)[PolicyLang];

function formatDate(id: string, lang: PolicyLang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(id);
  if (!m) return id;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return lang === 'ja'
    ? `${year}年${month}月${day}日`
    : `${MONTHS[month - 1] ?? m[2]} ${day}, ${year}`;
}

function groupDigits(n: number): string {
  const [whole, fraction] = String(n).split('.');
  const grouped = (whole ?? '').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

function money(amount: number, currency: string, lang: PolicyLang): string {
  if (currency === 'JPY')
    return lang === 'ja' ? `${groupDigits(amount)}円` : `¥${groupDigits(amount)}`;
  return `${groupDigits(amount)} ${currency}`;
}

function feeText(fee: FeeView, w: Words, lang: PolicyLang): string {
  const total = money(fee.total, fee.currency, lang);
  const base = money(fee.amount, fee.currency, lang);
  const rate = `${Math.round(fee.taxRate * 10_000) / 100}%`;
  const per = fee.per === 'subscriberLine' ? w.perLine : w.perRequest;
  const main =
    lang === 'ja'
      ? `${per}${total}（${base}＋${w.tax}${rate}）`
      : `${total} (${base} + ${rate} ${w.tax}) ${per}`;
  if (!fee.irregularSurcharge) return main;
  return lang === 'ja' ? `${main}。${w.irregular}。` : `${main}; ${w.irregular}.`;
}

/**
 * The part of a condition's reason that holds for every item: its first sentence (the file's
 * sentences go on to say why "this item" fails, which a public page has no item for).
 */
function generalPart(text: string, lang: PolicyLang): string {
  if (lang === 'ja') {
    const end = text.indexOf('。');
    return end < 0 ? text : text.slice(0, end + 1);
  }
  const m = /;\s|\.\s/.exec(text);
  return m ? `${text.slice(0, m.index)}.` : text;
}

// ---------------------------------------------------------------------------------------------
// Building the page

const text = (t: string): Inline => ({ kind: 'text', text: t });

/** What every step of a page reads: the page's language and words, the view, its clauses. */
interface Draft {
  readonly policy: CompiledPolicy;
  readonly view: PolicyAtView;
  readonly lang: PolicyLang;
  readonly w: Words;
  /** Text in the page's language; drafted and missing translations are marked. */
  readonly loc: (t: Localized) => Inline[];
  readonly plain: (t: Localized) => string;
  /** A safe anchor for `id`, unique on the page (the order of calls decides the suffixes). */
  readonly anchor: (id: string) => string;
  readonly clauses: readonly PolicyClause[];
  readonly clauseById: ReadonlyMap<string, PolicyClause>;
  /** The section of the clause `id`, or of its nearest parent (PURPOSE.REG.1a → PURPOSE). */
  readonly sectionOf: (id: string | undefined) => string | undefined;
  readonly ownerVersion: (id: string) => PolicyAtView['versions'][number] | undefined;
  readonly shown: (c: PolicyClause) => boolean;
  readonly shownIds: ReadonlySet<string>;
  readonly idRef: (id: string) => Inline;
  readonly clauseBlocks: (c: PolicyClause, level: 3 | 4) => Block[];
  readonly purposeItem: (p: PurposeView) => { anchor: string; content: Inline[] };
}

/** The generated blocks, by where they go: after a section's head, at its end, after a clause. */
interface Placed {
  readonly afterHead: Map<string, Block[]>;
  readonly atEnd: Map<string, Block[]>;
  readonly afterClause: Map<string, Block[]>;
}

const push = (map: Map<string, Block[]>, key: string, ...blocks: Block[]) => {
  map.set(key, [...(map.get(key) ?? []), ...blocks]);
};

function build(policy: CompiledPolicy, view: PolicyAtView, options: RenderOptions): Page {
  const d = draft(policy, view, options.lang);
  const base = pageBase(d, options);
  const version = view.version;
  if (version === null) return notInForcePage(d, base);
  const { lang, w } = d;
  const dates: Inline[][] = [[text(w.enacted(formatDate(view.enacted, lang)))]];
  if (version.id !== view.enacted) dates.push([text(w.revised(formatDate(version.id, lang)))]);

  const placed = placeGenerated(d, options.anonymizedDatasets ?? []);
  const sections = numberedSections(d, placed);
  const supplementary = supplementarySection(d);
  if (supplementary !== null) sections.push(supplementary);
  sections.push(historySection(d));
  return withNotes(
    {
      ...base,
      dates,
      intro: view.intro ? d.loc(view.intro) : null,
      sections,
      notes: [{ id: 'note-source', content: [text(w.generated(view.policy, version.id))] }],
    },
    w,
  );
}

/** Step 1: the page's language, words, and the helpers every part uses. */
function draft(policy: CompiledPolicy, view: PolicyAtView, lang: PolicyLang): Draft {
  const w = WORDS[lang];
  /** Text in the page's language; drafted and missing translations are marked. */
  const loc = (t: Localized): Inline[] => {
    if (lang === 'en') return [text(t.en)];
    if (t.ja === undefined)
      return [
        { kind: 'text', text: t.en, lang: 'en' },
        { kind: 'mark', note: 'english' },
      ];
    return t.jaDraft ? [text(t.ja), { kind: 'mark', note: 'draft' }] : [text(t.ja)];
  };
  const plain = (t: Localized): string => (lang === 'ja' ? (t.ja ?? t.en) : t.en);

  // Anchors are clause IDs (unique in a sound file); made safe and unique regardless.
  const used = new Set<string>([
    'main',
    'history',
    'sp',
    'not-in-force',
    'note-source',
    'note-draft',
    'note-english',
  ]);
  const anchor = (id: string): string => {
    const safe = id.replace(/[^A-Za-z0-9._-]/g, '-') || 'x';
    let a = safe;
    for (let n = 2; used.has(a); n++) a = `${safe}-${n}`;
    used.add(a);
    return a;
  };

  const clauses = view.clauses;
  const clauseById = new Map(clauses.map((c) => [c.id, c]));
  /** The section of the clause `id`, or of its nearest parent (PURPOSE.REG.1a → PURPOSE). */
  const sectionOf = (id: string | undefined): string | undefined => {
    for (let c = id; c; c = c.includes('.') ? c.slice(0, c.lastIndexOf('.')) : undefined) {
      const s = clauseById.get(c)?.section;
      if (s !== undefined) return s;
    }
    return undefined;
  };

  // Which supplementary provisions are in force: those of past versions and their sub-clauses.
  const versionClauses = new Map(
    view.versions.flatMap((v) => (v.clause === null ? [] : [[v.clause, v] as const])),
  );
  const ownerVersion = (id: string) => {
    for (const [clause, v] of versionClauses) {
      if (id === clause || id.startsWith(`${clause}.`)) return v;
    }
    return undefined;
  };
  const shown = (c: PolicyClause): boolean => {
    if (c.section === undefined) return false;
    const v = ownerVersion(c.id);
    return v === undefined || v.past;
  };
  const shownIds = new Set(clauses.filter(shown).map((c) => c.id));
  const idRef = (id: string): Inline =>
    shownIds.has(id) ? { kind: 'id', id, href: `#${id}` } : { kind: 'id', id };

  const clauseBlocks = (c: PolicyClause, level: 3 | 4): Block[] => {
    const out: Block[] = [
      {
        kind: 'h',
        level,
        anchor: anchor(c.id),
        content: [...loc(c.title), text(' '), { kind: 'id', id: c.id }],
      },
    ];
    if (c.text) out.push({ kind: 'p', content: loc(c.text) });
    return out;
  };

  const sourcePurposes = new Map(policy.document.purposes.map((p) => [p.id, p]));
  const purposeItem = (p: PurposeView) => {
    const content: Inline[] = [{ kind: 'id', id: p.id }, text(' '), ...loc(p.text)];
    if (p.conditionClause !== undefined || p.condition !== undefined) {
      const clause =
        p.conditionClause === undefined ? undefined : clauseById.get(p.conditionClause);
      const note: Inline[] = [];
      if (clause) note.push(...loc(clause.title), text(' '));
      if (p.conditionClause !== undefined) note.push(idRef(p.conditionClause));
      const raw = sourcePurposes.get(p.id)?.conditionReason;
      if (p.conditionReason !== undefined && raw !== undefined) {
        note.push(text(note.length > 0 ? (lang === 'ja' ? '：' : ': ') : ''));
        // The reason as filled in by the policy, marked like the text it was filled from.
        const filled = lang === 'ja' ? p.conditionReason.ja : p.conditionReason.en;
        note.push(
          ...loc({
            en: generalPart(p.conditionReason.en, 'en'),
            ...(raw.ja === undefined ? {} : { ja: generalPart(filled, lang) }),
            ...(raw.jaDraft === undefined ? {} : { jaDraft: raw.jaDraft }),
          }),
        );
      }
      content.push({ kind: 'br' }, { kind: 'small', cls: 'transitional', content: note });
    }
    return { anchor: anchor(p.id), content };
  };

  return {
    policy,
    view,
    lang,
    w,
    loc,
    plain,
    anchor,
    clauses,
    clauseById,
    sectionOf,
    ownerVersion,
    shown,
    shownIds,
    idRef,
    clauseBlocks,
    purposeItem,
  };
}

/** The page's title, company and language switch (keeping the other query parameters). */
function pageBase(d: Draft, options: RenderOptions) {
  const { lang, w, view, plain, loc } = d;
  const switchLang: PolicyLang = lang === 'en' ? 'ja' : 'en';
  const params = new URLSearchParams({ lang: switchLang });
  if (options.format === 'md') params.set('format', 'md');
  for (const key of Object.keys(options.query ?? {}).sort()) {
    if (key === 'lang' || (key === 'format' && options.format === 'md')) continue;
    params.set(key, options.query?.[key] ?? '');
  }
  return {
    lang,
    title: plain(view.title),
    headTitle: `${plain(view.title)} | ${plain(view.company)}`,
    company: loc(view.company),
    switchHref: `?${params.toString()}`,
    switchLabel: w.switchLabel,
    embedded: options.embedded === true,
  };
}

/** A page for a date before the first version took effect. */
function notInForcePage(d: Draft, base: ReturnType<typeof pageBase>): Page {
  const { lang, w, view, policy, loc } = d;
  return withNotes(
    {
      ...base,
      dates: [[text(w.enacted(formatDate(view.enacted, lang)))]],
      intro: null,
      sections: [
        {
          anchor: 'not-in-force',
          heading: [text(w.notInForce)],
          blocks: [{ kind: 'p', content: loc(policy.document.notInForce.reason) }],
        },
      ],
      notes: [],
    },
    w,
  );
}

/** Step 2: the parts generated from the file, placed in the section of their clauses. */
function placeGenerated(d: Draft, published: readonly PublishedDataset[]): Placed {
  const { policy, view, sectionOf } = d;
  // Where the generated parts go: the section of the clauses they belong to.
  const purposeSection =
    sectionOf(view.groups.flatMap((g) => g.purposes)[0]?.id ?? policy.document.purposes[0]?.id) ??
    '3';
  const adKind = view.recipientKinds.find((k) => k.id === 'adPlatform');
  const adSection = sectionOf('ADS') ?? sectionOf(adKind?.clause) ?? '8';
  const requestSection = sectionOf(view.requestKinds[0]?.id) ?? sectionOf('REQUEST') ?? '9';
  const extraClause = policy.document.permit.extraPurposeClause;

  const afterHead = new Map<string, Block[]>();
  const atEnd = new Map<string, Block[]>();
  const afterClause = new Map<string, Block[]>();

  const placed = { afterHead, atEnd, afterClause };
  placePurposes(d, placed, purposeSection, extraClause);
  placeAdPlatforms(d, placed, adSection);
  placeAnonymized(d, placed, published);
  placeCountries(d, placed);
  placeRequestKinds(d, placed, requestSection);
  placeContacts(d, placed);
  return placed;
}

/** §3: the purposes in force, per group, and the purposes specified later. */
function placePurposes(
  d: Draft,
  { afterHead, afterClause }: Placed,
  purposeSection: string,
  extraClause: string | undefined,
): void {
  const { view, w, lang, loc, plain, anchor, purposeItem, shownIds } = d;
  for (const g of view.groups) {
    if (g.purposes.length === 0) continue;
    push(
      afterHead,
      purposeSection,
      { kind: 'h', level: 3, anchor: anchor(`group-${g.id}`), content: loc(g.name) },
      { kind: 'ul', items: g.purposes.map(purposeItem) },
    );
  }
  if (view.extraPurposes.length > 0) {
    const blocks: Block[] = [
      { kind: 'p', content: [text(w.extraPurposes)] },
      {
        kind: 'ul',
        items: view.extraPurposes.map((p) => ({
          anchor: anchor(p.id),
          content: [
            { kind: 'id', id: p.id },
            text(' '),
            ...loc(p.text),
            text(' '),
            {
              kind: 'small',
              cls: 'specified',
              content: [
                text(
                  `(${[plain(view.groups.find((g) => g.id === p.group)?.name ?? { en: p.group }), w.specified(formatDate(p.specifiedAt, lang))].join(lang === 'ja' ? '、' : ', ')})`,
                ),
              ],
            },
          ],
        })),
      },
    ];
    if (extraClause !== undefined && shownIds.has(extraClause))
      push(afterClause, extraClause, ...blocks);
    else push(afterHead, purposeSection, ...blocks);
  }
}

/** §8: the ad platforms, item categories × platform. */
function placeAdPlatforms(d: Draft, { atEnd }: Placed, adSection: string): void {
  const { view, w, loc } = d;
  if (view.adPlatforms.length > 0) {
    const accepted = new Set(view.adPlatforms.flatMap((a) => a.accepts));
    const rows = view.categories
      .filter((c) => accepted.has(c.id))
      .map((c) => ({ id: c.id, name: c.name }));
    for (const id of accepted) {
      if (!rows.some((r) => r.id === id)) rows.push({ id, name: { en: id } });
    }
    push(atEnd, adSection, {
      kind: 'table',
      caption: [text(w.adsCaption)],
      head: [
        [text(w.item)],
        ...view.adPlatforms.map((a): Inline[] => [
          ...loc(a.name),
          { kind: 'br' },
          { kind: 'small', cls: 'product', content: [text(a.product)] },
        ]),
      ],
      rows: [
        ...rows.map((r) => [
          loc(r.name),
          ...view.adPlatforms.map((a): Inline[] => [
            { kind: 'check', yes: a.accepts.includes(r.id) },
          ]),
        ]),
        [[text(w.country)], ...view.adPlatforms.map((a) => [text(a.country)])],
      ],
    });
  }
}

/** §7 ANONYMIZED (APPI Art. 43(3), 44; PPC Rules Art. 36): each data set's items and method. */
function placeAnonymized(
  d: Draft,
  { atEnd, afterClause }: Placed,
  published: readonly PublishedDataset[],
): void {
  if (published.length === 0) return;
  const { lang, loc, shownIds, sectionOf } = d;
  const words =
    lang === 'ja'
      ? {
          caption: '公表する匿名加工情報（個人情報保護法第43条第3項、第44条）',
          head: [
            'データセット',
            '公表日',
            '含まれる個人に関する情報の項目',
            '第三者への提供の方法',
          ],
        }
      : {
          caption: 'Anonymously processed information published (APPI Art. 43(3), 44)',
          head: ['Data set', 'Published', 'Items of information', 'Method of provision'],
        };
  const list = (items: readonly Localized[]): Inline[] =>
    items.flatMap((t, i) => (i === 0 ? loc(t) : [{ kind: 'br' } as const, ...loc(t)]));
  const table: Block = {
    kind: 'table',
    caption: [text(words.caption)],
    head: words.head.map((h) => [text(h)]),
    rows: published.map((p) => [
      [text(p.name)],
      [text(formatDate(p.publishedOn, lang))],
      list(p.items),
      loc(p.method),
    ]),
  };
  if (shownIds.has('ANONYMIZED')) push(afterClause, 'ANONYMIZED', table);
  else push(atEnd, sectionOf('ANONYMIZED') ?? '7', table);
}

/**
 * SECURITY.7 (APPI Art. 28(2); PPC Rules Art. 17(2)): each foreign country's system, shown to
 * the person, after the clause that promises it.
 */
function placeCountries(d: Draft, { atEnd, afterClause }: Placed): void {
  const { policy, w, lang, loc, shownIds, sectionOf } = d;
  const countries = policy.document.countries;
  if (countries !== undefined && countries.entries.length > 0) {
    const table: Block = {
      kind: 'table',
      caption: [text(w.countriesCaption)],
      head: [
        [text(w.countryName)],
        [text(w.countryLaw)],
        [text(w.countryAdequacy)],
        [text(w.countryGaps)],
        [text(w.countryAccess)],
        [text(w.countryReviewed)],
      ],
      rows: countries.entries.map((c) => [
        [...loc(c.name), text(` (${c.code})`)],
        c.lawExists ? loc(c.law) : [text(w.noLaw), { kind: 'br' }, ...loc(c.law)],
        [
          text(c.adequacy === 'adequate' ? w.adequate : w.notAdequate),
          { kind: 'br' },
          text(c.cbpr ? w.cbpr : w.noCbpr),
        ],
        loc(c.oecdGaps),
        [...loc(c.governmentAccess), { kind: 'br' }, ...loc(c.localisation)],
        [text(formatDate(c.reviewed, lang))],
      ]),
    };
    if (shownIds.has(countries.clause)) push(afterClause, countries.clause, table);
    else push(atEnd, sectionOf(countries.clause) ?? '4', table);
  }
}

/** §9: the kinds of request, their fees and due days. */
function placeRequestKinds(d: Draft, { atEnd }: Placed, requestSection: string): void {
  const { view, w, lang, loc, idRef } = d;
  push(atEnd, requestSection, {
    kind: 'table',
    caption: [text(w.requestsCaption)],
    head: [[text(w.request)], [text(w.fee)], [text(w.due)]],
    rows: view.requestKinds.map((k) => [
      [...loc(k.name), text(' '), idRef(k.id)],
      [text(k.fee === null ? w.noFee : feeText(k.fee, w, lang))],
      [text(w.days(k.dueDays))],
    ]),
  });
}

/** Contacts, in the section of the clause they serve (§9 the web form, §10 the centre). */
function placeContacts(d: Draft, { atEnd }: Placed): void {
  const { view, w, loc, sectionOf } = d;
  const contactsBySection = new Map<string, ContactView[]>();
  for (const c of view.contacts) {
    const s = sectionOf(c.clause) ?? '10';
    contactsBySection.set(s, [...(contactsBySection.get(s) ?? []), c]);
  }
  for (const [s, list] of contactsBySection) {
    push(
      atEnd,
      s,
      { kind: 'p', content: [text(w.contacts)], cls: 'label' },
      {
        kind: 'ul',
        items: list.map((c) => ({
          content: [
            ...loc(c.name),
            ...(c.url === null
              ? []
              : [{ kind: 'br' } as const, { kind: 'link', href: c.url, text: c.url } as const]),
          ],
        })),
      },
    );
  }
}

/** Step 3: the numbered sections, in number order, then any other named section. */
function numberedSections(d: Draft, { afterHead, atEnd, afterClause }: Placed): Section[] {
  const { clauses, shown, loc, anchor, clauseBlocks } = d;
  const order: string[] = [];
  for (const c of clauses) {
    if (c.section !== undefined && c.section !== 'SP' && !order.includes(c.section))
      order.push(c.section);
  }
  const numeric = (s: string) => (/^\d+$/.test(s) ? Number(s) : Number.POSITIVE_INFINITY);
  order.sort((a, b) => numeric(a) - numeric(b));

  const sections: Section[] = [];
  for (const s of order) {
    const members = clauses.filter((c) => c.section === s && shown(c));
    const head = members[0];
    if (head === undefined) continue;
    const blocks: Block[] = [];
    if (head.text) blocks.push({ kind: 'p', content: loc(head.text) });
    blocks.push(...(afterHead.get(s) ?? []), ...(afterClause.get(head.id) ?? []));
    for (const c of members.slice(1)) {
      blocks.push(...clauseBlocks(c, 3), ...(afterClause.get(c.id) ?? []));
    }
    blocks.push(...(atEnd.get(s) ?? []));
    const a = anchor(head.id);
    sections.push({
      anchor: a,
      heading: [
        text(/^\d+$/.test(s) ? `${s}. ` : ''),
        ...loc(head.title),
        text(' '),
        { kind: 'id', id: head.id },
      ],
      blocks,
    });
  }

  return sections;
}

/** Step 4: supplementary provisions: those of the versions in force so far, with their summaries. */
function supplementarySection(d: Draft): Section | null {
  const {
    view,
    w,
    lang,
    loc,
    anchor,
    clauses,
    clauseById,
    shown,
    ownerVersion,
    idRef,
    clauseBlocks,
  } = d;
  const spClauses = clauses.filter((c) => c.section === 'SP' && shown(c));
  const spHead = spClauses.find((c) => !ownerVersion(c.id) && !c.id.includes('.'));
  const spBlocks: Block[] = [];
  if (spHead?.text) spBlocks.push({ kind: 'p', content: loc(spHead.text) });
  const allPurposes = view.groups.flatMap((g) => g.purposes);
  for (const v of view.versions) {
    if (!v.past || v.clause === null) continue;
    const c = clauseById.get(v.clause);
    if (c) spBlocks.push(...clauseBlocks(c, 3));
    else
      spBlocks.push({
        kind: 'h',
        level: 3,
        anchor: anchor(`version-${v.id}`),
        content: [text(formatDate(v.id, lang))],
      });
    spBlocks.push({
      kind: 'p',
      content: [
        text(w.effective(formatDate(v.id, lang))),
        text(lang === 'ja' ? '' : ' '),
        ...loc(v.summary),
      ],
    });
    for (const child of spClauses) {
      if (!child.id.startsWith(`${v.clause}.`)) continue;
      spBlocks.push(...clauseBlocks(child, 4));
      const bound = allPurposes.filter((p) => p.conditionClause === child.id);
      if (bound.length > 0) {
        spBlocks.push(
          { kind: 'p', content: [text(w.appliesOnly)] },
          {
            kind: 'ul',
            items: bound.map((p) => ({ content: [idRef(p.id), text(' '), ...loc(p.text)] })),
          },
        );
      }
    }
  }
  for (const c of spClauses) {
    if (c === spHead || ownerVersion(c.id)) continue;
    spBlocks.push(...clauseBlocks(c, 3));
  }
  if (spBlocks.length === 0) return null;
  return {
    anchor: 'sp',
    heading: spHead
      ? [...loc(spHead.title), text(' '), { kind: 'id', id: spHead.id }]
      : [text(w.supplementary)],
    blocks: spBlocks,
  };
}

/** Step 5: the revision history up to the version shown. */
function historySection(d: Draft): Section {
  const { view, w, lang, loc, idRef } = d;
  return {
    anchor: 'history',
    heading: [text(w.history)],
    blocks: [
      {
        kind: 'table',
        caption: [text(w.historyCaption)],
        head: [[text(w.date)], [text(w.summary)]],
        rows: view.versions
          .filter((v) => v.past)
          .map((v) => {
            const summary: Inline[] = [...loc(v.summary)];
            if (v.clause !== null) summary.push(text(' '), idRef(v.clause));
            if (v.changes === 'unknown') {
              summary.push(
                { kind: 'br' },
                {
                  kind: 'small',
                  cls: 'unknown',
                  content: [
                    text(v.id === view.versions[0]?.id ? w.unknownEnacted : w.unknownChanges),
                  ],
                },
              );
            }
            if (v.inForce) {
              summary.push(
                { kind: 'br' },
                {
                  kind: 'small',
                  cls: 'current',
                  content: [text(lang === 'ja' ? `（${w.thisVersion}）` : `(${w.thisVersion})`)],
                },
              );
            }
            return [[text(formatDate(v.id, lang))], summary];
          }),
      },
    ],
  };
}

/** Adds the footnotes that explain the translation marks the page uses. */
function withNotes(page: Page, w: Words): Page {
  const marks = collectMarks(page);
  const notes = [...page.notes];
  if (marks.has('draft')) notes.push({ id: 'note-draft', content: [text(w.draftNote)] });
  if (marks.has('english')) notes.push({ id: 'note-english', content: [text(w.englishNote)] });
  return { ...page, notes };
}

function collectMarks(page: Page): Set<NoteKind> {
  const found = new Set<NoteKind>();
  const walk = (inlines: readonly Inline[]) => {
    for (const i of inlines) {
      if (i.kind === 'mark') found.add(i.note);
      else if (i.kind === 'small') walk(i.content);
    }
  };
  walk(page.company);
  if (page.intro) walk(page.intro);
  for (const s of page.sections) {
    walk(s.heading);
    for (const b of s.blocks) {
      if (b.kind === 'h' || b.kind === 'p') walk(b.content);
      else if (b.kind === 'ul') b.items.forEach((item) => walk(item.content));
      else {
        walk(b.caption);
        b.head.forEach(walk);
        b.rows.forEach((row) => row.forEach(walk));
      }
    }
  }
  return found;
}

// ---------------------------------------------------------------------------------------------
// HTML

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

/** Only web addresses and same-page references become links. */
function safeHref(href: string): boolean {
  return /^(https?:\/\/[^\s]+|\?[^\s]*|#[^\s]*)$/i.test(href);
}

const CSS = `
:root{color-scheme:light}
*{box-sizing:border-box}
body{margin:0;font:16px/1.7 system-ui,-apple-system,"Segoe UI","Hiragino Sans","Noto Sans JP",sans-serif;color:#1a1a1a;background:#fff;overflow-wrap:break-word}
header,main,footer{max-width:48rem;margin:0 auto;padding:0 1rem}
header{display:flex;justify-content:space-between;align-items:center;padding-top:.75rem;padding-bottom:.75rem}
a{color:#0645ad}
a:focus-visible{outline:2px solid #0645ad;outline-offset:2px}
.skip{position:absolute;left:-999px}
.skip:focus{position:static}
h1{font-size:1.75rem;line-height:1.3;margin:.5rem 0}
h2{font-size:1.3rem;line-height:1.4;margin-top:2.5rem;padding-bottom:.25rem;border-bottom:1px solid #ccc}
h3{font-size:1.1rem;margin-top:1.75rem}
h4{font-size:1rem;margin-top:1.25rem}
.company{font-weight:600}
.dates{color:#333}
.clause-id{font:.75rem/1 ui-monospace,SFMono-Regular,Menlo,monospace;color:#555;white-space:nowrap}
.mark{font-size:.7em;color:#555}
small{display:inline-block;font-size:.85em;color:#444}
li{margin:.4rem 0}
.table{overflow-x:auto;margin:1rem 0}
table{border-collapse:collapse;min-width:100%}
caption{text-align:left;font-weight:600;padding:.25rem 0}
th,td{border:1px solid #bbb;padding:.35rem .5rem;text-align:left;vertical-align:top}
thead th{background:#f2f2f2}
td.check{text-align:center}
.visually-hidden{position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
footer{font-size:.875rem;color:#333;border-top:1px solid #ccc;margin-top:3rem;padding-top:.5rem;padding-bottom:2rem}
`.trim();

function htmlInline(inlines: readonly Inline[], w: Words): string {
  return inlines
    .map((i): string => {
      switch (i.kind) {
        case 'text':
          return i.lang
            ? `<span lang="${i.lang}">${escapeHtml(i.text)}</span>`
            : escapeHtml(i.text);
        case 'id': {
          const id = `<span class="clause-id">${escapeHtml(i.id)}</span>`;
          return i.href && safeHref(i.href) ? `<a href="${escapeHtml(i.href)}">${id}</a>` : id;
        }
        case 'mark': {
          const label = i.note === 'draft' ? w.draftMark : w.englishMark;
          return `<small class="mark"><a href="#note-${i.note}">${escapeHtml(label)}</a></small>`;
        }
        case 'link':
          return safeHref(i.href)
            ? `<a href="${escapeHtml(i.href)}">${escapeHtml(i.text)}</a>`
            : escapeHtml(i.text);
        case 'small':
          return `<small class="${escapeHtml(i.cls)}">${htmlInline(i.content, w)}</small>`;
        case 'check':
          return i.yes
            ? `<span aria-hidden="true">✓</span><span class="visually-hidden">${escapeHtml(w.accepted)}</span>`
            : `<span aria-hidden="true">—</span><span class="visually-hidden">${escapeHtml(w.notAccepted)}</span>`;
        case 'br':
          return '<br>';
      }
    })
    .join('');
}

function htmlBlock(b: Block, w: Words): string {
  switch (b.kind) {
    case 'h':
      return `<h${b.level} id="${escapeHtml(b.anchor)}">${htmlInline(b.content, w)}</h${b.level}>`;
    case 'p':
      return `<p${b.cls ? ` class="${escapeHtml(b.cls)}"` : ''}>${htmlInline(b.content, w)}</p>`;
    case 'ul':
      return `<ul>\n${b.items
        .map(
          (item) =>
            `<li${item.anchor ? ` id="${escapeHtml(item.anchor)}"` : ''}>${htmlInline(item.content, w)}</li>`,
        )
        .join('\n')}\n</ul>`;
    case 'table': {
      const head = b.head.map((cell) => `<th scope="col">${htmlInline(cell, w)}</th>`).join('');
      const rows = b.rows
        .map((row) => {
          const cells = row
            .map((cell, i) => {
              if (i === 0) return `<th scope="row">${htmlInline(cell, w)}</th>`;
              const check = cell.length === 1 && cell[0]?.kind === 'check';
              return `<td${check ? ' class="check"' : ''}>${htmlInline(cell, w)}</td>`;
            })
            .join('');
          return `<tr>${cells}</tr>`;
        })
        .join('\n');
      return `<div class="table">\n<table>\n<caption>${htmlInline(b.caption, w)}</caption>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${rows}\n</tbody>\n</table>\n</div>`;
    }
  }
}

function toHtml(page: Page): string {
  const w = WORDS[page.lang];
  const other: PolicyLang = page.lang === 'en' ? 'ja' : 'en';
  const companyText = htmlInline(page.company, w);
  const out: string[] = [
    '<!DOCTYPE html>',
    `<html lang="${page.lang}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(page.headTitle)}</title>`,
    `<style>\n${CSS}\n</style>`,
    '</head>',
    '<body>',
    '<header>',
    `<a class="skip" href="#main">${escapeHtml(w.skip)}</a>`,
    ...(page.embedded
      ? []
      : [
          `<nav aria-label="${escapeHtml(w.language)}"><a href="${escapeHtml(page.switchHref)}" hreflang="${other}" lang="${other}">${escapeHtml(page.switchLabel)}</a></nav>`,
        ]),
    '</header>',
    '<main id="main">',
    `<h1>${escapeHtml(page.title)}</h1>`,
    `<p class="company">${companyText}</p>`,
    `<p class="dates">${page.dates.map((d) => htmlInline(d, w)).join('<br>')}</p>`,
  ];
  if (page.intro) out.push(`<p>${htmlInline(page.intro, w)}</p>`);
  if (page.sections.length > 1) {
    out.push(
      `<nav aria-label="${escapeHtml(w.contents)}">`,
      '<ul>',
      ...page.sections.map(
        (s) =>
          `<li><a href="#${escapeHtml(s.anchor)}">${htmlInline(
            s.heading.filter((i) => i.kind !== 'id' && i.kind !== 'mark'),
            w,
          ).trim()}</a></li>`,
      ),
      '</ul>',
      '</nav>',
    );
  }
  for (const s of page.sections) {
    out.push(
      `<section aria-labelledby="${escapeHtml(s.anchor)}">`,
      `<h2 id="${escapeHtml(s.anchor)}">${htmlInline(s.heading, w)}</h2>`,
      ...s.blocks.map((b) => htmlBlock(b, w)),
      '</section>',
    );
  }
  out.push('</main>', '<footer>');
  for (const n of page.notes) out.push(`<p id="${n.id}">${htmlInline(n.content, w)}</p>`);
  out.push('</footer>', '</body>', '</html>', '');
  return out.join('\n');
}

// ---------------------------------------------------------------------------------------------
// Markdown

/** Escapes Markdown syntax (and raw HTML) in a text run; line breaks become spaces. */
function escapeMd(s: string): string {
  return s.replace(/\s*\n\s*/g, ' ').replace(/[\\`*_[\]<>|#~&]/g, (c) => `\\${c}`);
}

function mdHref(href: string): string {
  return href.replace(
    /[()<>\s]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
}

function mdInline(inlines: readonly Inline[], w: Words): string {
  return inlines
    .map((i): string => {
      switch (i.kind) {
        case 'text':
          return escapeMd(i.text);
        case 'id':
          return /^[A-Za-z0-9._-]+$/.test(i.id) ? `\`${i.id}\`` : escapeMd(i.id);
        case 'mark':
          return escapeMd(i.note === 'draft' ? w.draftMark : w.englishMark);
        case 'link':
          return safeHref(i.href) ? `[${escapeMd(i.text)}](${mdHref(i.href)})` : escapeMd(i.text);
        case 'small': {
          const inner = mdInline(i.content, w).trim();
          return inner ? `*${inner}*` : '';
        }
        case 'check':
          return i.yes ? '✓' : '—';
        case 'br':
          return '  \n  ';
      }
    })
    .join('');
}

/** A paragraph must not start like a list item, heading or quote. */
function mdParagraph(s: string): string {
  return s.replace(/^(\d+)([.)])/, '$1\\$2').replace(/^([-+])/, '\\$1');
}

function mdCell(inlines: readonly Inline[], w: Words): string {
  return mdInline(
    inlines.map((i) => (i.kind === 'br' ? text(' ') : i)),
    w,
  ).trim();
}

function mdBlock(b: Block, w: Words): string {
  switch (b.kind) {
    case 'h':
      return `${'#'.repeat(b.level)} ${mdInline(b.content, w).trim()}`;
    case 'p':
      return mdParagraph(mdInline(b.content, w));
    case 'ul':
      return b.items.map((item) => `- ${mdInline(item.content, w)}`).join('\n');
    case 'table': {
      const row = (cells: readonly (readonly Inline[])[]) =>
        `| ${cells.map((c) => mdCell(c, w)).join(' | ')} |`;
      return [
        mdParagraph(`**${mdInline(b.caption, w)}**`),
        '',
        row(b.head),
        `|${b.head.map(() => ' --- ').join('|')}|`,
        ...b.rows.map(row),
      ].join('\n');
    }
  }
}

function toMarkdown(page: Page): string {
  const w = WORDS[page.lang];
  const out: string[] = [
    `# ${escapeMd(page.title)}`,
    `[${escapeMd(page.switchLabel)}](${mdHref(page.switchHref)})`,
    mdParagraph(`**${mdInline(page.company, w)}**`),
    page.dates.map((d) => mdParagraph(mdInline(d, w))).join('  \n'),
  ];
  if (page.intro) out.push(mdParagraph(mdInline(page.intro, w)));
  for (const s of page.sections) {
    out.push(`## ${mdInline(s.heading, w).trim()}`, ...s.blocks.map((b) => mdBlock(b, w)));
  }
  out.push('---', ...page.notes.map((n) => mdParagraph(mdInline(n.content, w))));
  return `${out.join('\n\n')}\n`;
}

// ---------------------------------------------------------------------------------------------

/**
 * The public policy page for the version in force at `options.at`: title, company, enactment
 * and last revision dates, introduction, the numbered sections from `clauses` (with §3's
 * purposes per group, §8's table of ad platforms, §9's request kinds with fees and due days,
 * and the contacts), the supplementary provisions in force and the revision history.
 */
export function renderPolicy(policy: CompiledPolicy, options: RenderOptions): string {
  const page = build(policy, policyAt(policy, options.at), options);
  return options.format === 'html' ? toHtml(page) : toMarkdown(page);
}
