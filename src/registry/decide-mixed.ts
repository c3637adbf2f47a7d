import { Type } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import type { RegistryDeps } from './registry-deps.ts';
import { decide, type CompiledPolicy, type DecisionOutcome } from '../policy/index.ts';
import { decideForCustomers } from './decide-for-customers.ts';
import type { CustomerDecisionInput } from './facts-for-decision.ts';
import { authorize, type Principal } from '../security/index.ts';
import { HogoError } from '../errors/index.ts';

/** The by-customer form of a decision request: ids instead of facts (docs/decision-format.md). */
export const CustomerDecisionSchema = Type.Object(
  {
    customerId: Type.String({ minLength: 1, maxLength: 64, description: 'A registered customer.' }),
    itemId: Type.String({ minLength: 1, maxLength: 64, description: 'One of their items.' }),
    purpose: Type.String({ minLength: 1, maxLength: 200 }),
    at: Type.Optional(
      Type.String({ maxLength: 64, description: 'ISO 8601 with offset; default now.' }),
    ),
    recipient: Type.Optional(
      Type.Object({
        kind: Type.String({ minLength: 1, maxLength: 64 }),
        id: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
      }),
    ),
  },
  { description: 'A decision about a registered customer’s item; needs decide.customer.' },
);

const check = TypeCompiler.Compile(CustomerDecisionSchema);

/** True for a request in the by-customer form (it names `customerId`). */
export function isCustomerForm(request: unknown): boolean {
  return typeof request === 'object' && request !== null && 'customerId' in request;
}

/**
 * Decides requests of both forms in order, one clock for all: the facts form by the policy
 * alone, the by-customer form from the registry (`decideForCustomers`), which needs the
 * principal to hold 'decide.customer'. A malformed request gets an error in its place.
 */
export async function decideMixed(
  principal: Principal | undefined,
  policy: CompiledPolicy,
  ctx: RegistryDeps | undefined,
  requests: readonly unknown[],
): Promise<DecisionOutcome[]> {
  if (ctx === undefined) {
    throw new HogoError(
      'request.unsupported',
      'this server runs without a registry: send the facts (customer, item), not customerId',
      { path: 'customerId' },
    );
  }
  if (principal === undefined) {
    throw new HogoError(
      'auth.unauthenticated',
      'sign in, or send an API token (Authorization: Bearer …)',
    );
  }
  authorize(principal, 'decide.customer');
  const now = ctx.clock();
  const outcomes: DecisionOutcome[] = new Array<DecisionOutcome>(requests.length);
  const byCustomer: { index: number; input: CustomerDecisionInput }[] = [];
  requests.forEach((r, index) => {
    if (!isCustomerForm(r)) outcomes[index] = decide(policy, r, { now });
    else if (!check.Check(r)) outcomes[index] = malformed(r);
    else byCustomer.push({ index, input: r });
  });
  const decided = await decideForCustomers(
    ctx,
    principal,
    byCustomer.map((b) => b.input),
  );
  byCustomer.forEach((b, k) => {
    outcomes[b.index] = decided[k]!;
  });
  return outcomes;
}

function malformed(r: unknown): DecisionOutcome {
  const first = check.Errors(r).First();
  const path = (first?.path ?? '').split('/').filter(Boolean).join('.');
  const missing = first?.value === undefined;
  return {
    error: {
      code: missing ? 'request.missing_field' : 'request.invalid_field',
      message: `${path || 'the request'} ${missing ? 'is required' : (first?.message ?? 'is malformed')}`,
      path,
    },
  };
}
