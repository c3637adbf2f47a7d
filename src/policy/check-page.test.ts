import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseInstant } from './condition-language.ts';
import { BUNDLED_POLICY_PATH } from './bundled-policy-path.ts';
import { parsePolicy } from './load-policy.ts';
import { policyAt } from './policy-at.ts';
import { renderPolicy } from './render-policy.ts';

const source = readFileSync(BUNDLED_POLICY_PATH, 'utf8');
const jst = (date: string) => parseInstant(date, '+09:00');
/** The line (1-based) of the first occurrence of `needle` in `text`. */
const lineOf = (text: string, needle: string) =>
  text.slice(0, text.indexOf(needle)).split('\n').length;

/** The bundled file with PROVIDE's text replaced by dated wordings ([validity, English text]). */
function withWordings(wordings: [string, string][]): string {
  const block = /( {4}text:\n {6}en: Every provision to a third party[^\n]*\n(?: {6}.*\n)*)/;
  const texts = wordings
    .map(([validity, en]) => `      - ${validity}\n        text: { en: "${en}" }\n`)
    .join('');
  const edited = source.replace(block, `    texts:\n${texts}`);
  if (edited === source) throw new Error('PROVIDE text not found in the bundled policy');
  return edited;
}

describe('hogo policy check refuses a page that would leave content out', () => {
  it('accepts the bundled policy', () => {
    expect(parsePolicy(source).ok).toBe(true);
  });

  it('names the line of a clause without a section', () => {
    // PURPOSE is the §3 clause; without its section the page rendered no purpose at all.
    const edited = source.replace(/(- id: PURPOSE\n)\s+section: "?3"?\n/, '$1');
    expect(edited).not.toBe(source);
    const result = parsePolicy(edited, 'p.yaml');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const line = lineOf(edited, '- id: PURPOSE\n');
    const clause = result.problems.find((p) => p.message.includes('clause PURPOSE has no section'));
    expect(clause).toMatchObject({ code: 'policy.not_on_page', file: 'p.yaml', line });
  });

  it('names the line of the first purpose when no section is left for the purposes', () => {
    const edited = source.replace(/\n\s+section: "?3"?(?=\n)/g, '');
    const result = parsePolicy(edited, 'p.yaml');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const purposes = edited.indexOf('\npurposes:');
    const firstPurpose =
      lineOf(edited.slice(purposes + 1), '- id: ') + lineOf(edited, '\npurposes:');
    expect(result.problems).toContainEqual(
      expect.objectContaining({
        code: 'policy.not_on_page',
        line: firstPurpose,
        message: expect.stringContaining('every purpose'),
      }),
    );
  });

  it('names the line of overlapping dated wordings', () => {
    const edited = withWordings([
      ['until: "2025-02-03"', 'Old wording.'],
      ['since: "2022-07-01"', 'New wording.'],
    ]);
    const result = parsePolicy(edited, 'p.yaml');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toContainEqual(
      expect.objectContaining({
        code: 'policy.overlapping_versions',
        line: lineOf(edited, '- since: "2022-07-01"'),
      }),
    );
  });
});

describe('a clause with dated wordings', () => {
  const withTexts = withWordings([
    ['until: "2022-07-01"', 'Wording of 2017: provision only with consent.", ja: "2017年の文言'],
    [
      'since: "2022-07-01"',
      'Wording of 2022: provision only as this clause says.", ja: "2022年の文言',
    ],
  ]);
  const loaded = parsePolicy(withTexts);

  it('loads', () => {
    expect(withTexts).not.toBe(source);
    expect(loaded.ok ? [] : loaded.problems).toEqual([]);
  });

  it('shows at each date the wording then in force, on the page and in the JSON view', () => {
    if (!loaded.ok) throw new Error('not loaded');
    const page = (at: string, lang: 'en' | 'ja') =>
      renderPolicy(loaded.policy, { lang, format: 'html', at: jst(at) });
    expect(page('2020-01-01', 'en')).toContain('Wording of 2017');
    expect(page('2020-01-01', 'en')).not.toContain('Wording of 2022');
    expect(page('2025-03-01', 'en')).toContain('Wording of 2022');
    expect(page('2025-03-01', 'en')).not.toContain('Wording of 2017');
    expect(page('2025-03-01', 'ja')).toContain('2022年の文言');
    const clause = (at: string) =>
      policyAt(loaded.policy, jst(at)).clauses.find((c) => c.id === 'PROVIDE');
    expect(clause('2020-01-01')?.text?.en).toContain('2017');
    expect(clause('2022-07-01')?.text?.en).toContain('2022');
  });
});
