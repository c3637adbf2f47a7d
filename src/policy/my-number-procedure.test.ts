import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUNDLED_POLICY_PATH } from './bundled-policy-path.ts';
import { decide } from './decide.ts';
import { parsePolicy } from './load-policy.ts';
import { buildRequest } from './test-support.ts';

// The bundled file with one purpose declared a procedure of the My Number Act, as a company
// whose policy lists, say, the statutory payment records it files would declare it.
const PROCEDURE =
  '"My Number Act Art. 9(4), 19(2): statutory payment records filed with the tax office"';
const text = readFileSync(BUNDLED_POLICY_PATH, 'utf8').replace(
  /( {2}- id: PURPOSE\.REG\.1b\n {4}group: REG\n)/,
  `$1    myNumberProcedure: ${PROCEDURE}\n`,
);

function compiled() {
  const loaded = parsePolicy(text);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
  return loaded.policy;
}

describe('My Number only for the procedures the policy file declares (My Number Act Art. 9, 19)', () => {
  it('the test file differs from the bundled one by the declaration alone', () => {
    expect(text).toContain(`myNumberProcedure: ${PROCEDURE}`);
  });

  it('permits My Number for a declared procedure, and denies it for every other purpose', () => {
    const policy = compiled();
    const use = (purpose: string) =>
      decide(policy, buildRequest({ purpose, item: { category: 'myNumber' } }));
    expect(use('PURPOSE.REG.1b')).toMatchObject({ decision: 'permit' });
    expect(use('PURPOSE.REG.1a')).toMatchObject({
      decision: 'deny',
      clauses: ['PURPOSE.MY_NUMBER', 'PURPOSE.REG.1a'],
    });
  });

  it('never widens by consent: a consent to an undeclared purpose still denies', () => {
    const policy = compiled();
    const r = decide(
      policy,
      buildRequest({
        purpose: 'PURPOSE.REG.1a',
        item: { category: 'myNumber' },
        customer: { consents: [{ purpose: 'PURPOSE.REG.1a', at: '2020-01-01T00:00:00+09:00' }] },
      }),
    );
    expect(r).toMatchObject({ decision: 'deny', clauses: ['PURPOSE.MY_NUMBER', 'PURPOSE.REG.1a'] });
  });

  it('refuses a declaration that is not a text naming the procedure', () => {
    const bad = parsePolicy(
      text.replace(`myNumberProcedure: ${PROCEDURE}`, 'myNumberProcedure: ""'),
    );
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problems[0]!.path).toContain('myNumberProcedure');
  });
});
