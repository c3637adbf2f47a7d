import { describe, expect, it, vi } from 'vitest';
import { compilePolicy, type CompiledPolicy } from './compile-policy.ts';
import { parseInstant } from './condition-language.ts';
import { BUNDLED_POLICY_PATH } from './bundled-policy-path.ts';
import { loadPolicyFile } from './load-policy.ts';
import type { PolicyDocument } from './policy-schema.ts';
import { escapeHtml, renderPolicy, type RenderOptions } from './render-policy.ts';

const policy = loadPolicyFile(BUNDLED_POLICY_PATH);
const jst = (date: string) => parseInstant(date, '+09:00');

function render(options: Partial<RenderOptions> = {}, p: CompiledPolicy = policy): string {
  return renderPolicy(p, { lang: 'en', format: 'html', at: jst('2025-03-01'), ...options });
}

function edited(change: (doc: PolicyDocument) => void): CompiledPolicy {
  const doc = structuredClone(policy.document) as PolicyDocument;
  change(doc);
  return compilePolicy(doc);
}

/** Every element that is opened is closed, in order (void elements aside). */
function unbalancedTags(html: string): string[] {
  const VOID = new Set(['meta', 'br', 'hr', 'img', 'input', 'link']);
  const stack: string[] = [];
  const problems: string[] = [];
  for (const m of html.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>/g)) {
    const [, closing, raw] = m;
    const name = raw!.toLowerCase();
    if (VOID.has(name)) continue;
    if (!closing) stack.push(name);
    else if (stack.pop() !== name) problems.push(`</${name}> at ${m.index}`);
  }
  return [...problems, ...stack.map((n) => `<${n}> never closed`)];
}

describe('renderPolicy as a Japanese HTML page at 2025-03-01', () => {
  const html = render({ lang: 'ja', at: jst('2025-03-01') });

  it('is a complete HTML5 document in Japanese', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="ja">')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).toMatch(/<main id="main">[\s\S]*<\/main>/);
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
    expect(unbalancedTags(html)).toEqual([]);
  });

  it('carries the Japanese title, company and dates of the version in force', () => {
    expect(html).toContain('<h1>プライバシーポリシー</h1>');
    expect(html).toContain('NTTコミュニケーションズ株式会社');
    expect(html).toContain('制定日：2005年4月1日');
    expect(html).toContain('最終改定日：2025年2月3日');
  });

  it('lists the transitional purposes with their IDs shown small and their condition', () => {
    expect(html).toContain('<span class="clause-id">PURPOSE.REG.7</span>');
    expect(html).toMatch(
      /<li id="PURPOSE\.REG\.7">.*<small class="transitional">経過措置 .*SP\.2022\.TRANSITIONAL.*2022年7月1日にNTTドコモから移管されたサービス/,
    );
  });

  it('shows the disclosure fee with tax per subscriber line', () => {
    expect(html).toMatch(/¥1,100|1,100円/);
    expect(html).toContain('1回線あたり1,100円（1,000円＋税10%）');
    expect(html).toContain('14日以内');
  });

  it('links to the English page from a language navigation', () => {
    expect(html).toContain(
      '<nav aria-label="言語"><a href="?lang=en" hreflang="en" lang="en">English</a></nav>',
    );
  });

  it('marks drafted translations and explains the mark in a footnote', () => {
    expect(html).toContain('<small class="mark"><a href="#note-draft">（仮訳）</a></small>');
    expect(html).toContain('<p id="note-draft">（仮訳）の付いた文は');
  });

  it('puts the headings in order: one h1, then h2 sections with h3 and h4 below', () => {
    const levels = [...html.matchAll(/<h([1-6])\b/g)].map((m) => Number(m[1]));
    expect(levels[0]).toBe(1);
    expect(levels.filter((l) => l === 1)).toHaveLength(1);
    for (let i = 1; i < levels.length; i++) {
      expect(levels[i]! - levels[i - 1]!).toBeLessThanOrEqual(1);
    }
  });

  it('gives every element id once', () => {
    const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('keeps the sections in the order of the published page', () => {
    const order = [
      '1. 適正な取扱い',
      '3. 個人情報の利用目的',
      '8. 広告配信プラットフォーム',
      '9. お問い合わせ窓口',
      '10. 認定個人情報保護団体',
      '11. プライバシーポリシーの改定',
      '<h2 id="sp">附則',
      '<h2 id="history">改定履歴',
    ].map((s) => html.indexOf(s));
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('shows the ad platforms as a table of item categories per platform', () => {
    expect(html).toContain('<caption>事業者ごとに提供する情報の項目</caption>');
    expect(html).toMatch(/<th scope="row">生年月日<\/th>(<td class="check">.*?<\/td>){3}<\/tr>/);
    expect(html).toContain('<span class="visually-hidden">提供する</span>');
  });

  it('lists the supplementary provisions and the revision history up to the version shown', () => {
    expect(html).toContain('SP.2022.TRANSITIONAL');
    expect(html).toContain('施行日：2022年7月1日');
    expect(html).toContain('<th scope="row">2025年2月3日</th>');
    expect(html).toContain('この改定で何が変わったかは出典に記載がありません。');
  });
});

describe('renderPolicy at 2022-06-30, before the transitional purposes', () => {
  for (const lang of ['en', 'ja'] as const) {
    for (const format of ['html', 'md'] as const) {
      it(`does not list PURPOSE.REG.7 (${lang}, ${format})`, () => {
        const page = render({ lang, format, at: jst('2022-06-30') });
        expect(page).not.toContain('PURPOSE.REG.7');
        expect(page).not.toContain('SP.2022');
        expect(page).toContain('PURPOSE.REG.5');
      });
    }
  }

  it('dates the page by the version then in force', () => {
    const html = render({ at: jst('2022-06-30') });
    expect(html).toContain('Enacted on April 1, 2005');
    expect(html).not.toContain('Last revised');
    expect(html).not.toContain('2025');
  });

  it('lists PURPOSE.REG.7 from midnight 2022-07-01 Japan time', () => {
    expect(render({ at: Date.parse('2022-06-30T23:59:59+09:00') })).not.toContain('PURPOSE.REG.7');
    expect(render({ at: Date.parse('2022-06-30T15:00:00Z') })).toContain('PURPOSE.REG.7');
  });
});

describe('renderPolicy as Markdown', () => {
  const md = render({ format: 'md' });

  it('starts with a # heading: the title', () => {
    expect(md.startsWith('# Privacy Policy\n')).toBe(true);
  });

  it('carries the same content: sections, purposes, fees, tables', () => {
    expect(md).toContain('## 3. The purposes of using Personal Information `PURPOSE`');
    expect(md).toContain('- `PURPOSE.REG.7` To display and distribute advertisements');
    expect(md).toContain('¥1,100 (¥1,000 + 10% tax) per subscriber line');
    expect(md).toMatch(/\| Date of birth \| — \| ✓ \| — \|/);
    expect(md).toContain('[日本語](?lang=ja&format=md)');
    expect(md).toContain('## Revision history');
  });

  it('writes no HTML tags', () => {
    expect(md).not.toMatch(/<[a-z]/i);
  });

  it('escapes Markdown and HTML syntax in the policy’s texts', () => {
    const p = edited((doc) => {
      doc.purposes[0]!.text = { en: '<b>bold</b> *star* [link](http://x) | pipe' };
    });
    const out = render({ format: 'md' }, p);
    expect(out).toContain('\\<b\\>bold\\</b\\> \\*star\\* \\[link\\](http://x) \\| pipe');
  });
});

describe('renderPolicy escapes every text in HTML', () => {
  it('escapes a <script> in a purpose, a clause title and the company name', () => {
    const p = edited((doc) => {
      doc.purposes[0]!.text = { en: '<script>alert("x")</script>' };
      doc.clauses[0]!.title = { en: 'Handling <script>alert(1)</script>' };
      doc.company = { en: 'A & B <Corp>' };
    });
    const html = render({}, p);
    expect(html).not.toContain('<script');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('Handling &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('A &amp; B &lt;Corp&gt;');
    expect(unbalancedTags(html)).toEqual([]);
  });

  it('links only to web addresses', () => {
    const p = edited((doc) => {
      doc.contacts = [{ clause: 'ESCALATION', name: { en: 'Bad' }, url: 'javascript:alert(1)' }];
    });
    const html = render({}, p);
    expect(html).not.toContain('href="javascript:');
    expect(html).toContain('javascript:alert(1)');
  });

  it('escapes the characters that matter in content and attributes', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });
});

describe('renderPolicy in English', () => {
  const html = render();

  it('is an English document linking to the Japanese page', () => {
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<a href="?lang=ja" hreflang="ja" lang="ja">日本語</a>');
    expect(html).toContain('Last revised on February 3, 2025');
  });

  it('has no translation marks', () => {
    expect(html).not.toContain('仮訳');
    expect(html).not.toContain('note-draft');
  });

  it('keeps other query parameters in the language switch', () => {
    expect(render({ query: { at: '2022-06-30' } })).toContain('href="?lang=ja&amp;at=2022-06-30"');
  });
});

describe('renderPolicy in Japanese where a translation is missing', () => {
  it('falls back to the English text, marked as English', () => {
    const p = edited((doc) => {
      doc.clauses[0]!.text = { en: 'Only in English.' };
    });
    const html = render({ lang: 'ja' }, p);
    expect(html).toContain(
      '<p><span lang="en">Only in English.</span><small class="mark"><a href="#note-english">（英語）</a></small></p>',
    );
    expect(html).toContain('<p id="note-english">');
  });
});

describe('renderPolicy is deterministic', () => {
  it('renders the same page whatever the clock says', () => {
    try {
      for (const lang of ['en', 'ja'] as const) {
        for (const format of ['html', 'md'] as const) {
          vi.useFakeTimers({ now: Date.parse('2030-05-05T05:05:05Z') });
          const a = render({ lang, format });
          vi.setSystemTime(Date.parse('2041-11-11T11:11:11Z'));
          expect(render({ lang, format })).toBe(a);
          expect(a).not.toMatch(/2030|2041/);
        }
      }
    } finally {
      vi.useRealTimers();
    }
  });

  it('renders a notice when no version was in force yet', () => {
    const html = render({ at: jst('2000-01-01') });
    expect(html).toContain('No version of the policy was in force at that date.');
    expect(html).not.toContain('PURPOSE.REG.1a');
    expect(unbalancedTags(html)).toEqual([]);
  });
});
