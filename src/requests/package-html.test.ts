import { describe, expect, it } from 'vitest';
import { countriesForPackage } from '../governance/index.ts';
import { bundledPolicy } from '../policy/test-support.ts';
import { packageHtml } from './package-html.ts';
import type { RequestPackage } from './store-package.ts';

const policy = bundledPolicy();

/** A disclosure package with nothing in it but the foreign countries given. */
function disclosure(countries: readonly string[]): RequestPackage {
  return {
    format: 'hogo/disclosure@1',
    requestId: 'req-1',
    customerId: 'cus-1',
    generatedAt: '2026-12-06T10:00:00+09:00',
    deliveryMethod: 'electronic',
    items: [],
    subscriberLines: [],
    services: [],
    consents: [],
    adOptOuts: [],
    suspensions: [],
    provisionRecords: [],
    withheldRecords: [],
    foreignCountries: countriesForPackage(policy, Date.parse('2026-12-06T00:00:00Z'), countries),
  } as unknown as RequestPackage;
}

describe('the HTML disclosure package shows the foreign-country register (SECURITY.7)', () => {
  it('lists each foreign country the records name with the register’s facts, in English', () => {
    const html = packageHtml(policy, disclosure(['US']), 'en');
    expect(html).toContain('<h2>Foreign countries your information was provided to</h2>');
    expect(html).toContain('United States of America <code>US</code>');
    expect(html).toContain('takes part in the APEC CBPR system');
    expect(html).toContain('not designated by the PPC as having an equivalent system');
    expect(html).toContain('FISA Section 702');
    expect(html).toContain('<td>2026-04-01</td>');
  });

  it('and in Japanese', () => {
    const html = packageHtml(policy, disclosure(['US']), 'ja');
    expect(html).toContain('<h2>お客さまの個人情報を提供した外国</h2>');
    expect(html).toContain('アメリカ合衆国 <code>US</code>');
    expect(html).toContain('APECのCBPRシステムに加盟');
  });

  it('shows no section when no record names a foreign country', () => {
    expect(packageHtml(policy, disclosure([]), 'en')).not.toContain('Foreign countries');
  });
});
