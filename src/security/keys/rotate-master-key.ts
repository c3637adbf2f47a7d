import type { SecurityContext } from '../security-deps.ts';

/**
 * Rotates the master key (a new version; every data key and the index key re-wrapped in short
 * transactions while hogo keeps serving) and records it in the audit log.
 */
export async function rotateMasterKey(
  ctx: Pick<SecurityContext, 'keys' | 'audit' | 'store'>,
  actor: string,
  onProgress?: (done: number) => void,
): Promise<{ readonly rewrapped: number }> {
  const result = await ctx.keys.rotate(onProgress);
  await ctx.audit.append(ctx.store.db, [
    { actor, action: 'keys.rotate', detail: { rewrapped: result.rewrapped } },
  ]);
  return result;
}
