import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ENGINES } from '../../store/test-engines.ts';
import { authenticateBearer } from '../auth/authenticate-bearer.ts';
import { securityDb } from '../security-tables.ts';
import { openTestContext } from '../test-support.ts';
import { createApiToken } from './create-api-token.ts';
import { revokeApiToken } from './revoke-api-token.ts';

describe.each(ENGINES)('API tokens on $name', (engine) => {
  it('stores only the SHA-256 of the secret, and authenticates by it with its scope', async () => {
    const ctx = await openTestContext(engine);
    try {
      const { token, secret } = await createApiToken(
        ctx,
        { label: 'billing', role: 'system', categories: ['email'] },
        'usr_admin',
      );
      expect(secret).toMatch(/^hogo_tok_[A-Za-z0-9_-]{43}$/);
      const row = await securityDb(ctx.store.db)
        .selectFrom('api_tokens')
        .selectAll()
        .executeTakeFirstOrThrow();
      expect(Buffer.from(row.secret_hash)).toEqual(createHash('sha256').update(secret).digest());
      expect(JSON.stringify(row)).not.toContain(secret.slice(9));
      const principal = await authenticateBearer(ctx, secret);
      expect(principal).toMatchObject({
        id: token.id,
        kind: 'token',
        name: 'billing',
        role: 'system',
      });
      expect(principal!.scope.categories).toEqual(new Set(['email']));
      expect(await authenticateBearer(ctx, `${secret}x`)).toBeUndefined();
    } finally {
      await ctx.close();
    }
  });

  it('stops authenticating once revoked or expired', async () => {
    const ctx = await openTestContext(engine);
    try {
      const a = await createApiToken(ctx, { label: 'crm', role: 'system' }, 'system');
      await revokeApiToken(ctx, a.token.id, 'usr_admin');
      expect(await authenticateBearer(ctx, a.secret)).toBeUndefined();
      await expect(revokeApiToken(ctx, a.token.id, 'usr_admin')).rejects.toMatchObject({
        code: 'tokens.not_found',
      });
      const b = await createApiToken(
        ctx,
        { label: 'crm', role: 'system', expiresInDays: 1 },
        'system',
      );
      expect(await authenticateBearer(ctx, b.secret)).toBeDefined();
      ctx.clock.advance(86_400_000);
      expect(await authenticateBearer(ctx, b.secret)).toBeUndefined();
      expect((await ctx.audit.list({ limit: 10 })).map((e) => e.action)).toEqual(
        ['tokens.create', 'tokens.revoke', 'tokens.create'].reverse(),
      );
    } finally {
      await ctx.close();
    }
  });
});
