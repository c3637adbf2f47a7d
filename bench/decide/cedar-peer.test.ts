import { describe, expect, it } from 'vitest';
import { BUNDLED_POLICY_PATH } from '../../src/policy/bundled-policy-path.ts';
import { compilePolicy, decide, loadPolicyFile } from '../../src/policy/index.ts';
import { CedarPeer, conditionToCedar } from './cedar-peer.ts';
import { differential } from './differential.ts';
import { randomRequests } from './random-requests.ts';

const policy = loadPolicyFile(BUNDLED_POLICY_PATH);
const requests = randomRequests(policy, 3_000, 7);

describe('the Cedar peer of the bundled policy', () => {
  it('decides 3,000 random requests exactly as hogo does', () => {
    const { identical, disagreement } = differential(policy, new CedarPeer(policy), requests);
    expect(disagreement).toBeNull();
    expect(identical).toBe(requests.length);
  });

  it('is checked on a mix that reaches every rule and both outcomes', () => {
    const first = new Set<string>();
    let permits = 0;
    for (const r of requests) {
      const outcome = decide(policy, r);
      if (!('decision' in outcome)) throw new Error(JSON.stringify(outcome));
      if (outcome.decision === 'permit') permits++;
      else outcome.clauses.forEach((c) => first.add(c));
    }
    expect(permits).toBeGreaterThan(requests.length / 5);
    for (const rule of policy.rules) expect(first).toContain(rule.id);
    expect(first).toContain(policy.unknownPurposeClause);
  });

  it('catches a translation that drifts from the file', () => {
    // The peer follows a policy in which Yahoo also accepts names; hogo follows the file.
    const doc = structuredClone(policy.document);
    const yahoo = doc.adPlatforms.find((a) => a.id === 'yahoo')!;
    (yahoo.accepts as string[]).push('name');
    const drifted = new CedarPeer(compilePolicy(doc));
    const many = randomRequests(policy, 20_000, 11).filter(
      (r) => r.recipient?.id === 'yahoo' && r.item.category === 'name',
    );
    expect(differential(policy, drifted, many).disagreement).not.toBeNull();
  });

  it('keeps null apart from text, as hogo does', () => {
    expect(conditionToCedar("recipient.kind != 'authority'", policy)).toBe(
      '(!((context has recipientKind) && context.recipientKind == "authority"))',
    );
    expect(conditionToCedar('recipient.kind == null', policy)).toBe(
      '(!(context has recipientKind))',
    );
  });
});
