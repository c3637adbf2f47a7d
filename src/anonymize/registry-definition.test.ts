import { describe, expect, it } from 'vitest';
import { parseDatasetDefinition } from './dataset-definition.ts';

const TEXT = `name: members
source:
  registry:
    group: REG
    categories: [birthDate, gender]
    acquired: { from: 2020-01-01, before: "2025-01-01T00:00:00+09:00" }
    purpose: PURPOSE.REG.3
attributes:
  - { name: customer, role: linking-code }
  - { name: birthDate, role: quasi-identifier, hierarchy: { builtin: date } }
  - { name: gender, role: insensitive }
privacy: { k: 5 }
`;

describe('a definition whose source is the registry', () => {
  it('reads the query: group, categories, the window in Japan time, the purpose', () => {
    const d = parseDatasetDefinition(TEXT, 'm.yaml');
    expect(d.source).toEqual({
      kind: 'registry',
      group: 'REG',
      categories: ['birthDate', 'gender'],
      acquiredFrom: Date.parse('2020-01-01T00:00:00+09:00'),
      acquiredBefore: Date.parse('2025-01-01T00:00:00+09:00'),
      purpose: 'PURPOSE.REG.3',
    });
  });

  it('refuses My Number at its line (My Number Act Art. 9, 19)', () => {
    expect(() =>
      parseDatasetDefinition(
        TEXT.replace('[birthDate, gender]', '[birthDate, myNumber]'),
        'm.yaml',
      ),
    ).toThrow(/^m\.yaml:5:\d+ source\.registry\.categories\.1: My Number may not be used/);
  });

  it('names the field of a bad group, a category named twice, a window backwards, no purpose', () => {
    const bad = (from: string, to: string) => () =>
      parseDatasetDefinition(TEXT.replace(from, to), 'm.yaml');
    expect(bad('group: REG', 'group: ALL')).toThrow(
      /^m\.yaml:4:\d+ source\.registry\.group: must be REG or OTH/,
    );
    expect(bad('[birthDate, gender]', '[gender, gender]')).toThrow(
      /^m\.yaml:5:\d+ source\.registry\.categories\.1: category "gender" is named twice/,
    );
    expect(bad('from: 2020-01-01', 'from: 2026-01-01')).toThrow(
      /^m\.yaml:6:\d+ source\.registry\.acquired\.before: must be after from/,
    );
    expect(bad('from: 2020-01-01', 'from: someday')).toThrow(
      /^m\.yaml:6:\d+ source\.registry\.acquired\.from: must be a date/,
    );
    expect(bad('    purpose: PURPOSE.REG.3\n', '')).toThrow(
      /^m\.yaml:4:\d+ source\.registry\.purpose: must name the purpose/,
    );
  });
});
