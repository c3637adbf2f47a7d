import type { AppContext } from '../app/app-context.ts';
import { bundledPolicy } from '../policy/test-support.ts';
import { createAuditLog } from '../security/audit/create-audit-log.ts';
import { createKeyService } from '../security/keys/create-key-service.ts';
import type { Principal } from '../security/principal.ts';
import { securityMigrations } from '../security/security-migrations.ts';
import { testClock, testKeyring } from '../security/test-support.ts';
import { migrateToLatest } from '../store/migrate.ts';
import type { Store } from '../store/store.ts';
import type { TestEngine } from '../store/test-engines.ts';
import type { CustomerInput, ItemInput } from './registry-input.ts';
import { registryMigrations } from './registry-migrations.ts';

/** An application context over a fresh store of the engine, with the real key service and audit log. */
export async function openRegistryContext(
  engine: TestEngine,
): Promise<AppContext & { readonly store: Store; close(): Promise<void> }> {
  const store = await engine.open();
  await migrateToLatest(store, { ...securityMigrations, ...registryMigrations });
  const clock = testClock(Date.parse('2026-01-10T00:00:00Z'));
  const keys = await createKeyService(store, testKeyring(), { clock });
  return {
    store,
    policy: bundledPolicy(),
    keys,
    audit: createAuditLog(store, { clock }),
    clock,
    close: () => store.close(),
  };
}

/** A principal: an operator who may read every category, unless overridden. */
export function buildPrincipal(overrides: Partial<Principal> = {}): Principal {
  return {
    id: 'user-operator',
    kind: 'user',
    name: 'operator',
    role: 'operator',
    scope: { categories: 'all', purposes: 'all' },
    ...overrides,
  };
}

/** An e-mail item given directly in electronic form in 2023. */
export function buildItem(overrides: Partial<ItemInput> = {}): ItemInput {
  return {
    category: 'email',
    value: 'Taro.Yamada@Example.JP',
    channel: 'electronic',
    source: 'direct',
    acquiredAt: '2023-05-01T10:00:00+09:00',
    ...overrides,
  };
}

/** A registered customer with a name, an e-mail and a phone item. */
export function buildCustomer(overrides: Partial<CustomerInput> = {}): CustomerInput {
  return {
    group: 'REG',
    items: [
      buildItem({ category: 'name', value: '山田　太郎', channel: 'writing' }),
      buildItem(),
      buildItem({ category: 'phone', value: '０９０－１２３４－５６７８', channel: 'verbal' }),
    ],
    ...overrides,
  };
}
