import { BUNDLED_POLICY_PATH } from './bundled-policy-path.ts';
import { loadPolicyFile } from './load-policy.ts';
import type { CompiledPolicy } from './compile-policy.ts';

let bundled: CompiledPolicy | undefined;

/** The bundled NTT Communications policy, loaded once per test file. */
export function bundledPolicy(): CompiledPolicy {
  bundled ??= loadPolicyFile(BUNDLED_POLICY_PATH);
  return bundled;
}

type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? DeepPartial<T[K]> : T[K] };

interface RequestShape {
  at: string;
  purpose: string;
  customer: {
    group: string;
    adOptOut?: boolean;
    suspensions?: { kind: string; from: string; purposes?: string[] }[];
    consents?: { purpose: string; at: string }[];
  };
  item: {
    category: string;
    acquiredAt: string;
    service?: { id: string; transferredFromDocomo?: boolean; endedAt?: string };
    survey?: string;
  };
  recipient?: { kind: string; id?: string };
}

/** A well-formed decision request: a registered customer's e-mail, used for billing in 2026. */
export function buildRequest(overrides: DeepPartial<RequestShape> = {}): RequestShape {
  const base: RequestShape = {
    at: '2026-01-10T09:00:00+09:00',
    purpose: 'PURPOSE.REG.1b',
    customer: { group: 'REG' },
    item: { category: 'email', acquiredAt: '2023-05-01T10:00:00+09:00' },
  };
  return {
    ...base,
    ...overrides,
    customer: { ...base.customer, ...(overrides.customer as object) } as RequestShape['customer'],
    item: { ...base.item, ...(overrides.item as object) } as RequestShape['item'],
  } as RequestShape;
}
