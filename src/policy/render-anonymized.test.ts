import { describe, expect, it } from 'vitest';
import { BUNDLED_POLICY_PATH } from './bundled-policy-path.ts';
import { parseInstant } from './condition-language.ts';
import { loadPolicyFile } from './load-policy.ts';
import { renderPolicy, type PublishedDataset } from './render-policy.ts';

const policy = loadPolicyFile(BUNDLED_POLICY_PATH);
const at = parseInstant('2026-01-10', '+09:00');
const DATASET: PublishedDataset = {
  name: 'members <2026>',
  publishedOn: '2026-01-09',
  items: [
    { en: 'Date of birth (to the decade)', ja: '生年月日（年代単位に一般化）' },
    { en: 'Address (to the prefecture)', ja: '住所（都道府県単位に一般化）' },
  ],
  method: {
    en: 'An encrypted file on request.',
    ja: 'ご依頼に応じて暗号化したファイルで提供します。',
  },
};

describe('the published data sets on the policy page (APPI Art. 43(3), 44)', () => {
  it('lists each data set in §7 with its items and method, in English and Japanese', () => {
    const en = renderPolicy(policy, {
      lang: 'en',
      format: 'html',
      at,
      anonymizedDatasets: [DATASET],
    });
    const section7 = en.slice(en.indexOf('id="ANONYMIZED"'), en.indexOf('id="ADS"'));
    expect(section7).toContain('Anonymously processed information published (APPI Art. 43(3), 44)');
    expect(section7).toContain('members &lt;2026&gt;');
    expect(section7).toContain('January 9, 2026');
    expect(section7).toContain('Date of birth (to the decade)');
    expect(section7).toContain('Address (to the prefecture)');
    expect(section7).toContain('An encrypted file on request.');
    const ja = renderPolicy(policy, {
      lang: 'ja',
      format: 'md',
      at,
      anonymizedDatasets: [DATASET],
    });
    expect(ja).toContain('公表する匿名加工情報');
    expect(ja).toContain('2026年1月9日');
    expect(ja).toContain('生年月日（年代単位に一般化）');
    expect(ja).toContain('ご依頼に応じて暗号化したファイルで提供します。');
  });

  it('leaves the page as it was while nothing is published', () => {
    const plain = renderPolicy(policy, { lang: 'en', format: 'html', at });
    expect(renderPolicy(policy, { lang: 'en', format: 'html', at, anonymizedDatasets: [] })).toBe(
      plain,
    );
    expect(plain).not.toContain('Anonymously processed information published');
  });
});
