import { openAppTestContext } from '../app/test-context.ts';
import { governanceMigrations } from '../governance/governance-migrations.ts';
import { registryMigrations } from '../registry/registry-migrations.ts';
import type { Principal } from '../security/principal.ts';
import { securityMigrations } from '../security/security-migrations.ts';
import type { TestEngine } from '../store/test-engines.ts';
import { provisionMigrations } from './provision-migrations.ts';
import type { DiligenceInput, RecipientInput } from './recipient-input.ts';

/** The test clock's start: 2026-01-10 09:00 in Japan. */
export const TEST_NOW = Date.parse('2026-01-10T00:00:00Z');

/** A context over a fresh store with the security, registry and provision tables. */
/** A test context with this slice's tables (see openAppTestContext). */
export function openProvisionContext(engine: TestEngine) {
  return openAppTestContext(engine, {
    migrations: {
      ...securityMigrations,
      ...registryMigrations,
      ...provisionMigrations,
      ...governanceMigrations,
    },
    now: TEST_NOW,
  });
}

/** The privacy officer: manages recipients, provides, exports. */
export function buildOfficer(overrides: Partial<Principal> = {}): Principal {
  return {
    id: 'user-officer',
    kind: 'user',
    name: 'officer',
    role: 'privacyOfficer',
    scope: { categories: 'all', purposes: 'all' },
    ...overrides,
  };
}

/** A domestic subcontractor. */
export function buildRecipient(overrides: Partial<RecipientInput> = {}): RecipientInput {
  return {
    id: 'print-co',
    kind: 'subcontractor',
    legalName: 'Print Co., Ltd.',
    address: '1-1 Otemachi, Chiyoda-ku, Tokyo',
    representative: 'Representative Director',
    country: 'JP',
    ...overrides,
  };
}

/** A verification valid for 2025. */
export function buildDiligence(overrides: Partial<DiligenceInput> = {}): DiligenceInput {
  return {
    agreementReference: 'AGR-2025-001',
    measures: ['ISMS certified', 'access control audited'],
    verifiedAt: '2025-01-01T00:00:00+09:00',
    expiresAt: '2026-01-01T00:00:00+09:00',
    ...overrides,
  };
}
