import { mkdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { ProvisionDeps } from './provision-deps.ts';
import { HogoError } from '../errors/index.ts';
import { requireExportApproval, requireRegisteredCountry } from '../governance/index.ts';
import { authorize, customerIdPage, newId } from '../registry/index.ts';
import { purposeInScope, type Principal } from '../security/index.ts';
import type { AdExportReceipt } from './ad-export-receipt.ts';
import { adPurposes } from './ad-purposes.ts';
import type { AdPlatformId } from './ads/ad-platform-id.ts';
import type { AdsOptions } from './ads/ads-options.ts';
import { exportPage, type ExportTally, type ExportWalk } from './export-page.ts';
import { openAudienceWriter } from './ads/open-audience-writer.ts';
import { EXCLUSION_REASONS, type ExclusionReason } from './exclusion-reason.ts';
import { parseInstant } from './parse-instant.ts';
import { provisionDb } from './provision-tables.ts';
import { sendAdRemovals } from './send-ad-removals.ts';
import { withdrawFromAdExports } from './withdraw-from-ad-exports.ts';
import type { WrittenFile } from './ads/file-sink.ts';
import { requireRecipient } from './recipient-rows.ts';

/** ADS.DELETE_AFTER_MATCH: days an export's files are kept by default. */
export const DEFAULT_DELETE_AFTER_DAYS = 7;
const DAY_MS = 86_400_000;

/** What `exportAudience` is asked. */
export interface ExportAudienceInput {
  readonly platform: AdPlatformId;
  /** The upload file (Yahoo: the base name of its list files). */
  readonly out: string;
  /** One purpose of the pair to export for (default PURPOSE.REG.5 / OTH.4). */
  readonly purpose?: string;
  readonly at?: string;
  /** ADS.DELETE_AFTER_MATCH: default 7. */
  readonly deleteAfterDays?: number;
  /** Customers per page of the keyset walk; default 500 (small pages keep the peak memory down at the same speed). */
  readonly chunkSize?: number;
  readonly ads?: AdsOptions;
  /** SECURITY.5: the approval by a second person this export uses (once). */
  readonly approvalId?: string;
}

/**
 * §8 ADS: an audience for the platform, streamed over the registry page by page. Each item is
 * decided by the policy (opt-out, suspensions, purpose, transitional provisions, the items the
 * platform accepts); permitted values are normalized and hashed by the platform's rules and
 * written in its own format; every customer included gets a ledger row (a foreign provision,
 * APPI Art. 28–29). All of it in one transaction: a failed export leaves no file and no record.
 * The receipt holds counts and ids only. Refused without an approval by a second person, which
 * it uses up (SECURITY.5), and for a platform in a country the register does not hold
 * (SECURITY.7). Needs 'provision.export'.
 */
export async function exportAudience(
  ctx: ProvisionDeps,
  principal: Principal,
  input: ExportAudienceInput,
): Promise<AdExportReceipt> {
  authorize(principal, 'provision.export');
  const purposes = adPurposes(input.purpose);
  // An export decides for both groups' purposes: the principal's scope must cover both.
  for (const purpose of [purposes.REG, purposes.OTH]) {
    if (!purposeInScope(principal, purpose)) {
      throw new HogoError(
        'auth.forbidden',
        `purpose ${purpose} is outside this principal's scope`,
        {
          permission: 'provision.export',
          field: 'purpose',
        },
      );
    }
  }
  const now = ctx.clock();
  const at = input.at === undefined ? now : parseInstant(input.at, 'at');
  const days = input.deleteAfterDays ?? DEFAULT_DELETE_AFTER_DAYS;
  if (!Number.isFinite(days) || days <= 0) {
    throw new HogoError('ads.invalid_retention', 'deleteAfterDays must be positive', {
      field: 'deleteAfterDays',
    });
  }
  mkdirSync(dirname(input.out), { recursive: true });
  const writer = openAudienceWriter(input.platform, input.out);
  const removalFiles: WrittenFile[] = [];
  try {
    return await ctx.store.db.transaction().execute(async (tx) => {
      const recipient = await requireRecipient(tx, input.platform);
      if (recipient.kind !== 'adPlatform') {
        throw new HogoError('ads.invalid_platform', 'not an ad platform', { field: 'platform' });
      }
      // SECURITY.7 (APPI Art. 28): the platform's country is known to the register.
      requireRegisteredCountry(ctx.policy, recipient);
      // SECURITY.5: one approval per take-out, used inside this transaction.
      const approvalId = await requireExportApproval(
        tx,
        principal,
        { approvalId: input.approvalId, kind: 'adExport', subject: input.platform },
        now,
      );
      // Erasures, suspensions of provision and opt-outs reach the held files first.
      await withdrawFromAdExports(ctx, tx, principal, now);
      const exportId = newId(now);
      const tally = newTally();
      const walk: ExportWalk = {
        ctx,
        tx,
        principal,
        platform: input.platform,
        ads: input.ads ?? {},
        purposes,
        at,
        now,
        exportId,
        recipient,
        writer,
        approvalId,
        members: [],
        written: { count: 0 },
      };
      let after: string | null = null;
      for (;;) {
        const ids = await customerIdPage(tx, after, input.chunkSize ?? 500, principal);
        if (ids.length === 0) break;
        await exportPage(walk, ids, tally);
        after = ids[ids.length - 1]!;
      }
      const files = await writer.close();
      // The platform is told to remove the customers it had received and must no longer hold.
      const removal = await sendAdRemovals({
        ctx,
        tx,
        principal,
        platform: input.platform,
        recipient,
        exportId,
        out: input.out,
        purpose: purposes.REG,
        now,
      });
      const receipt: AdExportReceipt = {
        ...receiptOf(walk, tally, files, now + days * DAY_MS),
        ...(removal === undefined ? {} : { removals: removal.removals }),
      };
      removalFiles.push(...(removal?.files ?? []));
      await provisionDb(tx)
        .insertInto('ad_exports')
        .values({
          id: exportId,
          platform: input.platform,
          purpose: purposes.REG,
          created_at: now,
          created_by: principal.id,
          expires_at: now + days * DAY_MS,
          deleted_at: null,
          files: JSON.stringify([...files, ...(removal?.files ?? [])].map((f) => f.path)),
          receipt: JSON.stringify(receipt),
        })
        .execute();
      await ctx.audit.append(tx, [
        {
          actor: principal.id,
          action: 'ads.export',
          clauses: ['ADS', 'ADS.OPT_OUT'],
          detail: {
            exportId,
            approvalId,
            platform: input.platform,
            included: tally.included,
            considered: tally.considered,
          },
        },
      ]);
      return receipt;
    });
  } catch (e) {
    await writer.abort();
    for (const f of removalFiles) await rm(f.path, { force: true });
    throw e;
  }
}

function newTally(): ExportTally {
  return {
    considered: 0,
    included: 0,
    excluded: Object.fromEntries(EXCLUSION_REASONS.map((r) => [r, 0])) as Record<
      ExclusionReason,
      number
    >,
    exported: 0,
    denied: {},
    notNormalized: {},
    ledgerRows: 0,
  };
}

function receiptOf(
  w: ExportWalk,
  tally: ExportTally,
  files: readonly { name: string; rows: number; sha256: string }[],
  expiresAt: number,
): AdExportReceipt {
  return {
    exportId: w.exportId,
    approvalId: w.approvalId,
    platform: w.platform,
    purposes: w.purposes,
    at: new Date(w.at).toISOString(),
    createdAt: new Date(w.now).toISOString(),
    expiresAt: new Date(expiresAt).toISOString(),
    files: files.map((f) => ({ name: f.name, rows: f.rows, sha256: f.sha256 })),
    customers: { considered: tally.considered, included: tally.included, excluded: tally.excluded },
    items: { exported: tally.exported, denied: tally.denied, notNormalized: tally.notNormalized },
    ledgerRows: tally.ledgerRows,
    deletedAt: null,
  };
}
