import { describe, expect, it } from 'vitest';
import { compilePolicy } from './compile-policy.ts';
import { parseInstant } from './condition-language.ts';
import { diffPolicy, formatDiff } from './diff-policy.ts';
import { BUNDLED_POLICY_PATH } from './bundled-policy-path.ts';
import { loadPolicyFile } from './load-policy.ts';
import type { PolicyDocument } from './policy-schema.ts';

const policy = loadPolicyFile(BUNDLED_POLICY_PATH);
const jst = (date: string) => parseInstant(date, '+09:00');
const TRANSITIONAL = ['PURPOSE.OTH.5', 'PURPOSE.OTH.6', 'PURPOSE.REG.6', 'PURPOSE.REG.7'];

function copyOfDocument(): PolicyDocument {
  return structuredClone(policy.document) as PolicyDocument;
}

describe('diffPolicy across the 2022-07-01 revision', () => {
  const diff = diffPolicy(policy, jst('2022-06-30'), jst('2022-07-02'));

  it('names the versions in force at both instants', () => {
    expect(diff.from).toBe('2005-04-01');
    expect(diff.to).toBe('2022-07-01');
  });

  it('lists exactly the four transitional purposes as added and nothing removed or changed', () => {
    expect(diff.purposes.added.map((p) => p.id).sort()).toEqual(TRANSITIONAL);
    expect(diff.purposes.removed).toEqual([]);
    expect(diff.purposes.changed).toEqual([]);
  });

  it('carries each added purpose’s condition and condition clause', () => {
    for (const p of diff.purposes.added) {
      expect(p.conditionClause).toBe('SP.2022.TRANSITIONAL');
      expect(p.condition).toContain('item.service.transferredFromDocomo');
    }
  });

  it('reports the one version that took effect in between, with recorded changes', () => {
    expect(diff.versionsBetween.map((v) => [v.id, v.changes])).toEqual([
      ['2022-07-01', 'recorded'],
    ]);
  });

  it('formats added purposes as + lines with their text', () => {
    const lines = formatDiff(diff, 'en');
    expect(lines).toContain(
      '+ PURPOSE.REG.6  To provide information on various campaigns and other sales promotion measures and events of business partners and affiliated stores.',
    );
    expect(lines.filter((l) => l.startsWith('+ PURPOSE.'))).toHaveLength(4);
    expect(lines.some((l) => l.startsWith('- '))).toBe(false);
  });

  it('formats in Japanese with the Japanese texts', () => {
    const lines = formatDiff(diff, 'ja');
    expect(lines[0]).toBe('2005-04-01 版から 2022-07-01 版への変更');
    expect(lines).toContain('+ PURPOSE.REG.7  お客さまに適した他社の広告を表示・配信するため');
  });

  it('reads the other direction as the four purposes removed', () => {
    const back = diffPolicy(policy, jst('2022-07-02'), jst('2022-06-30'));
    expect(back.purposes.removed.map((p) => p.id).sort()).toEqual(TRANSITIONAL);
    expect(back.purposes.added).toEqual([]);
  });

  it('uses the instant, not the day: the purposes are added at midnight Japan time', () => {
    const justBefore = Date.parse('2022-06-30T23:59:59.999+09:00');
    const atMidnight = Date.parse('2022-07-01T00:00:00+09:00');
    expect(diffPolicy(policy, justBefore, atMidnight).purposes.added).toHaveLength(4);
    expect(diffPolicy(policy, atMidnight, atMidnight + 1).purposes.added).toHaveLength(0);
  });
});

describe('diffPolicy between 2023-05-01 and 2025-03-01', () => {
  const diff = diffPolicy(policy, jst('2023-05-01'), jst('2025-03-01'));

  it('finds no purpose or rule changes', () => {
    expect(diff.purposes).toEqual({ added: [], removed: [], changed: [] });
    expect(diff.rules).toEqual({ added: [], removed: [], changed: [] });
  });

  it('reports the versions in between whose changes the source does not record', () => {
    expect(diff.from).toBe('2023-04-01');
    expect(diff.to).toBe('2025-02-03');
    expect(diff.versionsBetween.map((v) => [v.id, v.changes])).toEqual([
      ['2023-07-01', 'unknown'],
      ['2025-02-03', 'unknown'],
    ]);
  });

  it('says plainly in the text that the source does not say what changed', () => {
    const text = formatDiff(diff, 'en').join('\n');
    expect(text).toContain('The source does not say what this revision changed');
    expect(text).toContain('2 versions in between do not record what changed');
    expect(text).toContain('No change.');
    expect(formatDiff(diff, 'ja').join('\n')).toContain('出典に記載がなく');
  });
});

describe('diffPolicy between the file and an edited copy', () => {
  const doc = copyOfDocument();
  const edited = doc.purposes.find((p) => p.id === 'PURPOSE.REG.3')!;
  edited.text = { ...edited.text, en: 'For improving services only.' };
  doc.purposes = doc.purposes.filter((p) => p.id !== 'PURPOSE.OTH.2');
  const rule = doc.rules.find((r) => r.id === 'ADS.OPT_OUT')!;
  rule.when = 'customer.adOptOut';
  const copy = compilePolicy(doc);
  const at = jst('2025-03-01');
  const diff = diffPolicy(policy, at, at, copy);

  it('reports the changed purpose with the field, the old and the new value', () => {
    expect(diff.purposes.changed).toEqual([
      {
        id: 'PURPOSE.REG.3',
        fields: [
          {
            field: 'text.en',
            from: policy.document.purposes.find((p) => p.id === 'PURPOSE.REG.3')!.text.en,
            to: 'For improving services only.',
          },
        ],
      },
    ]);
  });

  it('reports the removed purpose and nothing added', () => {
    expect(diff.purposes.removed.map((p) => p.id)).toEqual(['PURPOSE.OTH.2']);
    expect(diff.purposes.added).toEqual([]);
  });

  it('reports a changed rule condition', () => {
    expect(diff.rules.changed).toEqual([
      {
        id: 'ADS.OPT_OUT',
        fields: [
          {
            field: 'when',
            from: "recipient.kind == 'adPlatform' and customer.adOptOut",
            to: 'customer.adOptOut',
          },
        ],
      },
    ]);
  });

  it('formats removals as - lines and changes as ~ lines with from → to', () => {
    const lines = formatDiff(diff, 'en');
    expect(lines).toContain(
      '- PURPOSE.OTH.2  To answer any questions or provide consultation as may be requested by the customer.',
    );
    expect(lines.find((l) => l.startsWith('~ PURPOSE.REG.3'))).toMatch(
      /^~ PURPOSE\.REG\.3 {2}text\.en: ".+" → "For improving services only\."$/,
    );
    expect(lines.find((l) => l.startsWith('~ rule ADS.OPT_OUT'))).toContain('when:');
  });

  it('compares the same version of one file as unchanged', () => {
    const same = diffPolicy(policy, at, at);
    expect(same.purposes).toEqual({ added: [], removed: [], changed: [] });
    expect(same.versionsBetween).toEqual([]);
  });
});

describe('diffPolicy across a version that ends a purpose', () => {
  // A modified copy: a new version 2026-01-01 that ends PURPOSE.OTH.4 and rewords PURPOSE.REG.4.
  const doc = copyOfDocument();
  doc.versions.push({
    id: '2026-01-01',
    summary: { en: 'Test revision.', ja: 'テスト改定。' },
    changes: 'recorded',
  });
  const ended = doc.purposes.find((p) => p.id === 'PURPOSE.OTH.4')!;
  ended.until = '2026-01-01';
  const reworded = doc.purposes.find((p) => p.id === 'PURPOSE.REG.4')!;
  const before = reworded.text;
  reworded.text = { ...before, ja: '改めた文。' };
  const copy = compilePolicy(doc);

  it('reports the purpose given an until version as removed, and the reworded one as changed', () => {
    const diff = diffPolicy(copy, jst('2025-03-01'), jst('2026-01-02'));
    expect(diff.from).toBe('2025-02-03');
    expect(diff.to).toBe('2026-01-01');
    expect(diff.purposes.removed.map((p) => p.id)).toEqual(['PURPOSE.OTH.4']);
    expect(diff.purposes.added).toEqual([]);
    expect(diff.versionsBetween.map((v) => [v.id, v.changes])).toEqual([
      ['2026-01-01', 'recorded'],
    ]);
    // The text is the same at both instants of one document: the rewording is not a change here.
    expect(diff.purposes.changed).toEqual([]);
  });

  it('reports the rewording as a change when the file is compared with the copy', () => {
    const diff = diffPolicy(policy, jst('2025-03-01'), jst('2026-01-02'), copy);
    expect(diff.purposes.changed).toEqual([
      {
        id: 'PURPOSE.REG.4',
        fields: [{ field: 'text.ja', from: before.ja ?? null, to: '改めた文。' }],
      },
    ]);
    expect(diff.purposes.removed.map((p) => p.id)).toEqual(['PURPOSE.OTH.4']);
    const lines = formatDiff(diff, 'ja');
    expect(lines.some((l) => l.startsWith('- PURPOSE.OTH.4  '))).toBe(true);
    expect(lines).toContain(
      `~ PURPOSE.REG.4  text.ja: ${JSON.stringify(before.ja ?? null)} → "改めた文。"`,
    );
  });
});

describe('diffPolicy before the policy was enacted', () => {
  it('has no version at the first instant and adds every purpose then in force', () => {
    const diff = diffPolicy(policy, jst('2000-01-01'), jst('2005-04-01'));
    expect(diff.from).toBeNull();
    expect(diff.to).toBe('2005-04-01');
    expect(diff.purposes.added).toHaveLength(20);
    expect(formatDiff(diff, 'en')[0]).toBe(
      'Changes from (no version in force) to version 2005-04-01',
    );
  });
});
