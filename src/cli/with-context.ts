import { openContext, type OpenedContext } from '../app/open-context.ts';

/**
 * Opens the context from the environment, runs `fn`, closes. Domain errors pass through to
 * `main`, which prints each as one line with the exit code of its kind (`exit-code.ts`).
 */
export async function withContext<T>(fn: (ctx: OpenedContext) => Promise<T>): Promise<T> {
  const ctx = await openContext({ env: process.env });
  try {
    return await fn(ctx);
  } finally {
    await ctx.close();
  }
}
