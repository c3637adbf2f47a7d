import type { RequestDeps } from './request-deps.ts';
import { HogoError } from '../errors/index.ts';
import { requireExportApproval } from '../governance/index.ts';
import { authorize, inScope, purposeInScope, type Principal } from '../security/index.ts';
import type { CustomerRequest } from './customer-request.ts';
import { ownCustomerId } from './own-customer-id.ts';
import { requireRequest } from './require-request.ts';
import { requestsDb } from './request-tables.ts';
import type { RequestPackage } from './store-package.ts';

const DELIVERED = new Set(['fulfilled', 'partlyFulfilled', 'notified']);

/**
 * The package a fulfilled disclosure (or disclosure of provision records) delivered, decrypted
 * for download; the read is audited as 'request.package.read'. The customer (requester token,
 * 'requests.own') reads only their own — another's is 'requests.not_found'; staff need
 * 'requests.read' and 'registry.readValues', and a scope (SECURITY.6) covering every category
 * and purpose the package holds ('auth.forbidden' otherwise, and nothing is read).
 * 'request.not_fulfilled' before fulfilment. A staff download is a take-out of a customer's
 * values: it needs an approval by a second person (SECURITY.5, kind 'package', subject the
 * request id), used inside this transaction; the customer's own download needs none.
 */
export async function requestPackage(
  ctx: RequestDeps,
  principal: Principal,
  input: { readonly requestId: string; readonly approvalId?: string | undefined },
): Promise<{
  readonly request: CustomerRequest;
  readonly package: RequestPackage;
  /** The approval a staff download was made on; null for the customer's own. */
  readonly approvalId: string | null;
}> {
  const own = principal.kind === 'customer' ? ownCustomerId(principal) : null;
  if (own === null) {
    authorize(principal, 'requests.read');
    authorize(principal, 'registry.readValues');
  }
  return ctx.store.db.transaction().execute(async (tx) => {
    const request = await requireRequest(tx, input.requestId, { principal });
    if (own !== null && request.customerId !== own)
      throw new HogoError('requests.not_found', 'no such request', { field: 'requestId' });
    const row = await requestsDb(tx)
      .selectFrom('request_packages')
      .selectAll()
      .where('request_id', '=', request.id)
      .executeTakeFirst();
    if (row === undefined) {
      if (!DELIVERED.has(request.state) || request.outcome?.result === 'refused')
        throw new HogoError('request.not_fulfilled', 'the request has no package yet', {
          state: request.state,
        });
      throw new HogoError('requests.package_not_found', 'this request delivers no package');
    }
    // Before any value is decrypted; a refusal below rolls the approval's use back.
    const approvalId =
      own === null
        ? await requireExportApproval(
            tx,
            principal,
            { approvalId: input.approvalId, kind: 'package', subject: request.id },
            ctx.clock(),
          )
        : null;
    const cipher = (await ctx.keys.ciphersFor(tx, [row.customer_id])).get(row.customer_id)!;
    const pkg = JSON.parse(
      cipher.decrypt(row.body_sealed, `package:${row.request_id}`),
    ) as RequestPackage;
    if (own === null) requireScopeOver(principal, pkg);
    await ctx.audit.append(tx, [
      {
        actor: principal.id,
        action: 'request.package.read',
        customerId: request.customerId,
        clauses: [request.kind],
        detail: {
          requestId: request.id,
          format: row.format,
          sha256: row.sha256,
          ...(approvalId === null ? {} : { approvalId }),
        },
      },
    ]);
    return { request, package: pkg, approvalId };
  });
}

/** Staff read a package only if their scope covers every category and purpose in it. */
function requireScopeOver(principal: Principal, pkg: RequestPackage): void {
  const categories = new Set<string>();
  const purposes = new Set<string>();
  const records = pkg.format === 'hogo/disclosure@1' ? pkg.provisionRecords : pkg.records;
  if (pkg.format === 'hogo/disclosure@1') {
    for (const item of pkg.items) {
      if (typeof item.category === 'string') categories.add(item.category);
      for (const p of item.purposes) purposes.add(p.purpose);
    }
  }
  for (const r of records) {
    r.itemCategories.forEach((c) => categories.add(c));
    if (r.purpose !== null) purposes.add(r.purpose);
  }
  const category = [...categories].find((c) => !inScope(principal, c));
  const purpose = [...purposes].find((p) => !purposeInScope(principal, p));
  if (category !== undefined || purpose !== undefined) {
    throw new HogoError(
      'auth.forbidden',
      `the package holds ${category !== undefined ? `category ${category}` : `purpose ${purpose}`}, outside this principal's scope`,
      { permission: 'registry.readValues' },
    );
  }
}
