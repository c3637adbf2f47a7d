import { api } from '../shared/api.ts';
import type { PolicyView, RequestKindView } from '../shared/types.ts';
import { useAsync } from '../shared/use-async.ts';

/** The request kinds of the policy in force, and a name for a kind's clause ID. */
export function useKinds(): {
  readonly kinds: readonly RequestKindView[];
  readonly nameOf: (id: string) => string;
} {
  const policy = useAsync(() => api<PolicyView>('GET', '/v1/policy'), []);
  const kinds = policy.value?.requestKinds ?? [];
  return { kinds, nameOf: (id) => kinds.find((k) => k.id === id)?.name.en ?? id };
}
