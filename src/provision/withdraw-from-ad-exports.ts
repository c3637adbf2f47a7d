import { rename } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Kysely } from 'kysely';
import type { ProvisionDeps } from './provision-deps.ts';
import { adWithdrawals, type AdWithdrawalClause } from '../registry/index.ts';
import type { Principal } from '../security/index.ts';
import type { AdExportReceipt } from './ad-export-receipt.ts';
import type { AdPlatformId } from './ads/ad-platform-id.ts';
import type { AudienceRow } from './ads/audience-row.ts';
import { AUDIENCE_EXTENSION, openAudienceWriter } from './ads/open-audience-writer.ts';
import { provisionDb } from './provision-tables.ts';

/** Customer ids per IN list. */
const IDS_PER_QUERY = 500;

/** What a sweep did: counts and ids only. */
export interface AdWithdrawalReport {
  /** Removals queued, one per platform and customer. */
  readonly queued: number;
  /** Held exports whose files were rewritten. */
  readonly rewritten: readonly string[];
}

/**
 * Withdraws from the ad exports every customer erased (REQUEST.DELETION), with provision to
 * third parties suspended (REQUEST.SUSPEND_PROVISION) or opted out of ads (ADS.OPT_OUT), inside
 * the caller's transaction. Runs first in every export and every purge, so no export is made or
 * handed on while a file still holds a withdrawn customer: each held file holding their rows is
 * rewritten from the rows recorded without theirs (all three platforms' formats can be
 * rewritten, so none is withdrawn whole), the rewrite noted on the export's receipt and audited;
 * and for each platform that received them, one removal is queued (once: a platform and a
 * customer have one removal) for the next export to that platform to send (APPI Art. 35).
 */
export async function withdrawFromAdExports(
  ctx: ProvisionDeps,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  tx: Kysely<any>,
  principal: Principal,
  now: number,
): Promise<AdWithdrawalReport> {
  const db = provisionDb(tx);
  const out = await adWithdrawals(tx, now);
  const clauseOf = new Map(out.map((w) => [w.customerId, w.clause]));
  let queued = 0;
  const touched = new Map<string, Set<AdWithdrawalClause>>();
  for (let i = 0; i < out.length; i += IDS_PER_QUERY) {
    const ids = out.slice(i, i + IDS_PER_QUERY).map((w) => w.customerId);
    const members = await db
      .selectFrom('ad_export_members as m')
      .innerJoin('ad_exports as e', 'e.id', 'm.export_id')
      .select(['m.export_id', 'm.seq', 'm.platform', 'm.customer_id', 'm.row', 'm.dropped_at'])
      .select('e.deleted_at')
      .where('m.customer_id', 'in', ids)
      .orderBy('m.export_id')
      .orderBy('m.seq')
      .execute();
    if (members.length === 0) continue;
    const removed = await db
      .selectFrom('ad_removals')
      .select(['platform', 'customer_id'])
      .where('customer_id', 'in', ids)
      .execute();
    const done = new Set(removed.map((r) => `${r.platform} ${r.customer_id}`));
    // The rows each platform received from each customer, newest export last.
    const toQueue = new Map<string, { platform: string; customerId: string; rows: string[] }>();
    for (const m of members) {
      const key = `${m.platform} ${m.customer_id}`;
      if (!done.has(key)) {
        const q = toQueue.get(key) ?? { platform: m.platform, customerId: m.customer_id, rows: [] };
        if (!q.rows.includes(m.row)) q.rows.push(m.row);
        toQueue.set(key, q);
      }
      if (m.dropped_at === null && m.deleted_at === null) {
        const clauses = touched.get(m.export_id) ?? new Set();
        clauses.add(clauseOf.get(m.customer_id)!);
        touched.set(m.export_id, clauses);
      }
    }
    for (const q of toQueue.values()) {
      await db
        .insertInto('ad_removals')
        .values({
          platform: q.platform,
          customer_id: q.customerId,
          clause: clauseOf.get(q.customerId)!,
          rows: JSON.stringify(q.rows.map((r) => JSON.parse(r) as AudienceRow)),
          queued_at: now,
          sent_export_id: null,
          sent_at: null,
        })
        .execute();
      queued++;
    }
    await db
      .updateTable('ad_export_members')
      // Their hashes now live in the removal alone (cleared once sent).
      .set({ dropped_at: now, row: '' })
      .where('customer_id', 'in', ids)
      .where('dropped_at', 'is', null)
      .execute();
  }
  const rewritten: string[] = [];
  for (const [exportId, clauses] of [...touched].sort((a, b) => a[0].localeCompare(b[0]))) {
    await rewriteExport(ctx, tx, principal, now, exportId, [...clauses].sort());
    rewritten.push(exportId);
  }
  return { queued, rewritten };
}

/** Rewrites a held export's files from its rows still in, notes it on the receipt, audits it. */
async function rewriteExport(
  ctx: ProvisionDeps,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  tx: Kysely<any>,
  principal: Principal,
  now: number,
  exportId: string,
  clauses: readonly string[],
): Promise<void> {
  const db = provisionDb(tx);
  const row = await db
    .selectFrom('ad_exports')
    .select(['platform', 'files', 'receipt'])
    .where('id', '=', exportId)
    .executeTakeFirstOrThrow();
  const platform = row.platform as AdPlatformId;
  const paths = JSON.parse(row.files) as string[];
  const receipt = JSON.parse(row.receipt) as AdExportReceipt;
  // The upload files are the first ones listed (a removal list, if any, follows them).
  const uploads = receipt.files.length;
  const temp = join(dirname(paths[0]!), `.rewrite-${exportId}.${AUDIENCE_EXTENSION[platform]}`);
  const writer = openAudienceWriter(platform, temp);
  const kept = await db
    .selectFrom('ad_export_members')
    .select(['seq', 'row', 'dropped_at'])
    .where('export_id', '=', exportId)
    .orderBy('seq')
    .execute();
  let dropped = 0;
  try {
    for (const m of kept) {
      if (m.dropped_at !== null) {
        dropped++;
        continue;
      }
      writer.add(JSON.parse(m.row) as AudienceRow);
    }
  } catch (e) {
    await writer.abort();
    throw e;
  }
  const files = await writer.close();
  // The rewritten files take the place of the held ones (one rename each: never half a file).
  for (let i = 0; i < uploads; i++) await rename(files[i]!.path, paths[i]!);
  const rewrite = { at: new Date(now).toISOString(), clauses, rowsRemoved: dropped };
  const next: AdExportReceipt = {
    ...receipt,
    files: files.map((f, i) => ({ name: receipt.files[i]!.name, rows: f.rows, sha256: f.sha256 })),
    rewrites: [...(receipt.rewrites ?? []), rewrite],
  };
  await db
    .updateTable('ad_exports')
    .set({ receipt: JSON.stringify(next) })
    .where('id', '=', exportId)
    .execute();
  await ctx.audit.append(tx, [
    {
      actor: principal.id,
      action: 'ads.rewrite',
      clauses: [...clauses],
      detail: { exportId, platform, rowsRemoved: dropped, files: files.length },
    },
  ]);
}

/**
 * The sweep in a transaction of its own, run as soon as an erasure or a suspension of provision
 * has been carried out (REQUEST.DELETION, REQUEST.SUSPEND_PROVISION; APPI Art. 35): the held
 * files lose the customer at once rather than at the next export or purge. It is a consequence
 * of the request, not an export: it needs no export permission and is audited as the principal's.
 */
export async function withdrawFromHeldAdExports(
  ctx: ProvisionDeps,
  principal: Principal,
): Promise<AdWithdrawalReport> {
  return ctx.store.db
    .transaction()
    .execute((tx) => withdrawFromAdExports(ctx, tx, principal, ctx.clock()));
}
