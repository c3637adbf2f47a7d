import { describe, expect, it } from 'vitest';
import { BUNDLED_POLICY_PATH } from '../../src/policy/bundled-policy-path.ts';
import { checkPolicy, compilePolicy, decide, loadPolicyFile } from '../../src/policy/index.ts';
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

  it('follows what the bundled file does not use: extra purposes, version-bounded rules', () => {
    // The bundled file has no extra purposes and no rule limited to versions, so the peer's
    // translation of those is checked on a variant of it that has them.
    const doc = structuredClone(policy.document);
    const reason = { en: 'denied', ja: '拒否' };
    const text = { en: 'an extra purpose', ja: '追加の目的' };
    doc.extraPurposes = [
      { id: 'PURPOSE.EXTRA.1', group: 'REG', text, specifiedAt: '2022-07-01', services: ['svc-x'] },
      {
        id: 'PURPOSE.EXTRA.2',
        group: 'OTH',
        text,
        specifiedAt: '2023-05-01T12:00:00+09:00',
        surveys: ['srv-x'],
        services: ['svc-y'],
        until: '2025-02-03',
      },
    ];
    doc.purposes.find((p) => p.id === 'PURPOSE.REG.2e')!.until = '2023-07-01';
    doc.rules.push({
      id: 'PURPOSE.AFTER_TERMINATION',
      effect: 'deny',
      when:
        "purpose.kind == 'extra' and (item.service.ended or item.survey == null) " +
        "and (version == '2023-07-01' or at < 2023-05-01T12:00Z)",
      since: '2023-04-01',
      until: '2025-02-03',
      reason,
    });
    expect(checkPolicy(doc)).toEqual([]);
    const variant = compilePolicy(doc);
    const mixed = randomRequests(variant, 3_000, 13);
    expect(differential(variant, new CedarPeer(variant), mixed).disagreement).toBeNull();
    // Both new paths are reached: the bounded rule denies, and extra purposes are permitted.
    const outcomes = mixed.map((r) => decide(variant, r));
    const denials = outcomes.filter(
      (o) => 'clauses' in o && o.clauses.includes('PURPOSE.AFTER_TERMINATION'),
    ).length;
    const extraPermits = outcomes.filter(
      (o) =>
        'decision' in o && o.decision === 'permit' && o.clauses[0]?.startsWith('PURPOSE.EXTRA.'),
    ).length;
    expect(denials).toBeGreaterThan(10);
    expect(extraPermits).toBeGreaterThan(5);
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
