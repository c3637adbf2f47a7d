import { decide, isDecisionError, type CompiledPolicy } from '../../src/policy/index.ts';
import type { CedarPeer } from './cedar-peer.ts';
import type { RandomRequest } from './random-requests.ts';

/** The first request on which hogo and Cedar disagree, with both answers. */
export interface Disagreement {
  readonly index: number;
  readonly request: RandomRequest;
  readonly hogo: unknown;
  readonly cedar: unknown;
}

/**
 * Asks both engines every request; returns how many agreed before the first disagreement, and
 * that disagreement (null when all agree). A hogo error or a Cedar failure is a disagreement.
 */
export function differential(
  policy: CompiledPolicy,
  peer: CedarPeer,
  requests: readonly RandomRequest[],
): { identical: number; disagreement: Disagreement | null } {
  for (let index = 0; index < requests.length; index++) {
    const request = requests[index]!;
    const hogo = decide(policy, request);
    let cedar: unknown;
    let cedarDecision: string | null = null;
    try {
      const response = peer.response(request);
      cedar = { decision: response.decision, policies: response.diagnostics.reason };
      cedarDecision = response.decision === 'allow' ? 'permit' : 'deny';
    } catch (e) {
      cedar = { failure: (e as Error).message };
    }
    if (isDecisionError(hogo) || hogo.decision !== cedarDecision) {
      return { identical: index, disagreement: { index, request, hogo, cedar } };
    }
  }
  return { identical: requests.length, disagreement: null };
}
