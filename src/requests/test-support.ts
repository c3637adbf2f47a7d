import { openAppTestContext } from '../app/test-context.ts';
import { governanceMigrations } from '../governance/governance-migrations.ts';
import { noticeMigrations } from '../notices/notice-migrations.ts';
import { provisionMigrations } from '../provision/provision-migrations.ts';
import { registryMigrations } from '../registry/registry-migrations.ts';
import { retentionMigrations } from '../retention/retention-migrations.ts';
import { securityMigrations } from '../security/security-migrations.ts';
import type { TestEngine } from '../store/test-engines.ts';
import { requestMigrations } from './request-migrations.ts';
import { bundledPolicy } from '../policy/test-support.ts';
import type { CustomerRequest } from './customer-request.ts';
import { dueDateFor } from './due-date.ts';
import { feeFor } from './fee-for.ts';

/** A received request of a kind (default: a disclosure of one line), as filed on 2026-01-10. */
export function buildRequest(overrides: Partial<CustomerRequest> = {}): CustomerRequest {
  const policy = bundledPolicy();
  const kind = overrides.kind ?? 'REQUEST.DISCLOSURE';
  const receivedAt = overrides.receivedAt ?? Date.parse('2026-01-10T01:00:00Z');
  const fee = feeFor(policy, { kind, lines: 1 });
  const due = dueDateFor(policy, kind, receivedAt);
  return {
    id: 'req-1',
    kind,
    customerId: 'cus-1',
    requester: { type: 'customer' },
    channel: 'helpdesk',
    lineIds: ['line-1'],
    deliveryMethod: kind === 'REQUEST.DISCLOSURE' ? 'electronic' : null,
    state: 'received',
    charged: fee.total > 0,
    fee,
    receivedAt,
    dueDate: due.dueDate,
    dueAt: due.dueAt,
    identity: null,
    payment: null,
    startedAt: null,
    outcome: null,
    notifiedAt: null,
    cancelled: null,
    closedAt: null,
    ...overrides,
  };
}

/**
 * An application context on a fresh store of the engine with the security, registry,
 * requests, provision, notices and governance tables, real keys and audit log, and a clock tests move
 * (2026-01-10T00:00Z).
 */
export function openRequestContext(engine: TestEngine) {
  return openAppTestContext(engine, {
    migrations: {
      ...securityMigrations,
      ...registryMigrations,
      ...requestMigrations,
      ...provisionMigrations,
      ...noticeMigrations,
      ...retentionMigrations,
      // SECURITY.5: a staff download of a package is made on an approval.
      ...governanceMigrations,
    },
  });
}
