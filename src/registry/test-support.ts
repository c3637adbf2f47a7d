import { openAppTestContext } from '../app/test-context.ts';
import type { Principal } from '../security/principal.ts';
import { securityMigrations } from '../security/security-migrations.ts';
import type { TestEngine } from '../store/test-engines.ts';
import type { CustomerInput, ItemInput } from './registry-input.ts';
import { registryMigrations } from './registry-migrations.ts';

/** An application context over a fresh store of the engine, with the real key service and audit log. */
/** A test context with this slice's tables (see openAppTestContext). */
export function openRegistryContext(engine: TestEngine) {
  return openAppTestContext(engine, {
    migrations: { ...securityMigrations, ...registryMigrations },
  });
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
