import type { Kysely } from 'kysely';
import type { ProvisionDeps } from './provision-deps.ts';
import type { Principal } from '../security/index.ts';
import type { AdExportReceipt } from './ad-export-receipt.ts';
import type { AdPlatformId } from './ads/ad-platform-id.ts';
import type { AudienceRow } from './ads/audience-row.ts';
import { openAudienceWriter } from './ads/open-audience-writer.ts';
import type { WrittenFile } from './ads/file-sink.ts';
import type { LedgerEntry } from './ledger-row.ts';
import { provisionDb, type ProvisionTables } from './provision-tables.ts';
import { writeLedger } from './write-ledger.ts';

/**
 * The platforms' own removal formats. Google Customer Match removes the users of a CSV of the
 * upload's own columns uploaded as a removal (the API's `remove` operation); Meta removes the
 * users of a payload of the upload's own shape sent to DELETE /{audience}/users, one line per
 * call. Yahoo! JAPAN's list files have no removal format: the removal is recorded as due, to be
 * made in the platform's own console, and the ledger says so.
 */
export const REMOVAL_FORMAT: Readonly<Record<AdPlatformId, 'file' | 'none'>> = {
  google: 'file',
  meta: 'file',
  yahoo: 'none',
};

/** The removal list beside an upload: `audience.csv` → `audience.remove.csv`. */
export function removalPath(path: string): string {
  const dot = path.lastIndexOf('.');
  const slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return dot > slash ? `${path.slice(0, dot)}.remove${path.slice(dot)}` : `${path}.remove`;
}

/** What an export is told to carry. */
export interface RemovalSend {
  readonly ctx: ProvisionDeps;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly tx: Kysely<any>;
  readonly principal: Principal;
  readonly platform: AdPlatformId;
  readonly recipient: ProvisionTables['provision_recipients'];
  readonly exportId: string;
  readonly out: string;
  readonly purpose: string;
  readonly now: number;
}

/**
 * The removals queued for the platform, sent with this export: its removal list written (the
 * rows the platform had received, as hashed then), each removal marked sent by this export and
 * its hashes cleared, and one ledger row per customer: the record of having told the recipient
 * to remove them (APPI Art. 29 keeps the record of what a third party was given and when; the
 * removal is the end of that provision, ADS and ADS.OPT_OUT). Each customer is sent once.
 * Returns the receipt's part and the files written (undefined when none is due).
 */
export async function sendAdRemovals(
  s: RemovalSend,
): Promise<
  { removals: NonNullable<AdExportReceipt['removals']>; files: WrittenFile[] } | undefined
> {
  const db = provisionDb(s.tx);
  const due = await db
    .selectFrom('ad_removals')
    .select(['customer_id', 'clause', 'rows'])
    .where('platform', '=', s.platform)
    .where('sent_export_id', 'is', null)
    .orderBy('customer_id')
    .execute();
  if (due.length === 0) return undefined;
  const format = REMOVAL_FORMAT[s.platform];
  let files: WrittenFile[] = [];
  if (format === 'file') {
    const writer = openAudienceWriter(s.platform, removalPath(s.out));
    try {
      for (const r of due) {
        for (const row of JSON.parse(r.rows ?? '[]') as AudienceRow[]) writer.add(row);
      }
      files = await writer.close();
    } catch (e) {
      await writer.abort();
      throw e;
    }
  }
  await db
    .updateTable('ad_removals')
    .set({ sent_export_id: s.exportId, sent_at: s.now, rows: null })
    .where('platform', '=', s.platform)
    .where('sent_export_id', 'is', null)
    .execute();
  const entries = due.map((r): LedgerEntry => ({
    provisionId: s.exportId,
    customerId: r.customer_id,
    recipientId: s.recipient.id,
    providedAt: s.now,
    itemCategories: [],
    itemIds: [],
    clause: 'ADS',
    ground:
      format === 'file'
        ? `removal ${r.clause}`
        : `removal ${r.clause}: no removal format, due in the platform's console`,
    purpose: s.purpose,
    legalBasis: null,
    documentReference: null,
  }));
  await writeLedger(s.tx, s.recipient, entries, s.principal.id, s.now, s.ctx.store);
  await s.ctx.audit.append(s.tx, [
    {
      actor: s.principal.id,
      action: 'ads.remove',
      clauses: [...new Set(due.map((r) => r.clause))].sort(),
      detail: { exportId: s.exportId, platform: s.platform, customers: due.length, format },
    },
  ]);
  return {
    removals: {
      customers: due.length,
      format,
      files: files.map((f) => ({ name: f.name, rows: f.rows, sha256: f.sha256 })),
    },
    files,
  };
}
