import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { openContext, type OpenedContext } from '../../src/app/open-context.ts';
import { demoCustomer, demoExternalId, type DemoCustomer } from '../../src/demo/demo-customer.ts';
import { seedDemo } from '../../src/demo/seed-demo.ts';
import { buildApp } from '../../src/http/build-app.ts';
import { cliPrincipal } from '../../src/cli/cli-principal.ts';
import { listCustomers } from '../../src/registry/index.ts';
import { createUser } from '../../src/security/users/create-user.ts';
import { trainAll } from '../../src/governance/test-support.ts';

/** A seeded demo customer with the id the registry gave them. */
export interface SeededCustomer {
  readonly id: string;
  readonly demo: DemoCustomer;
  readonly email: string;
  readonly name: string;
  readonly address: string;
}

/** A real hogo server on 127.0.0.1, SQLite in a temporary directory, demo customers, a staff user. */
export interface E2eServer {
  readonly url: string;
  readonly dataDir: string;
  readonly ctx: OpenedContext;
  readonly app: FastifyInstance;
  readonly customers: readonly SeededCustomer[];
  readonly staff: { readonly name: string; readonly password: string };
  /** Calls the API as the staff user (a session opened once). */
  staffApi<T>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }>;
  close(): Promise<void>;
}

const SEED = 11;

/** Starts the server as `hogo serve` composes it, with `count` demo customers of seed 11. */
export async function startE2eServer(count: number): Promise<E2eServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'hogo-e2e-'));
  const ctx = await openContext({ env: { HOGO_DATA_DIR: dataDir }, warn: () => {} });
  await seedDemo(ctx, cliPrincipal('demo'), { customers: count, seed: SEED });
  const page = await listCustomers(ctx, cliPrincipal('e2e'), { limit: count });
  const byExternal = new Map(page.customers.map((c) => [c.externalId, c.id]));
  const customers = Array.from({ length: count }, (_, n) => {
    const demo = demoCustomer(SEED, n);
    return {
      id: byExternal.get(demoExternalId(SEED, n))!,
      demo,
      email: demo.row.email ?? '',
      name: demo.row.name ?? '',
      address: demo.row.address ?? '',
    };
  });
  const { password, user } = await createUser(
    ctx,
    { name: 'officer', role: 'privacyOfficer' },
    'e2e',
  );
  // SECURITY.4: the officer holds the training the policy requires, or reads no values.
  await trainAll(ctx, user.id, 'privacyOfficer');
  const app = await buildApp({ policy: ctx.policy, context: ctx, logLevel: false });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  let session: string | undefined;
  const call = async (method: string, path: string, token?: string, body?: unknown) => {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    return { status: response.status, body: text === '' ? null : JSON.parse(text) };
  };
  return {
    url,
    dataDir,
    ctx,
    app,
    customers,
    staff: { name: 'officer', password },
    async staffApi(method, path, body) {
      session ??= (await call('POST', '/v1/session', undefined, { name: 'officer', password })).body
        .token as string;
      return call(method, path, session, body);
    },
    async close() {
      await app.close();
      await ctx.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
