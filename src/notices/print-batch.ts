import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { NoticeDeps } from './notice-deps.ts';
import { HogoError } from '../errors/index.ts';
import { requireWholeRegistry } from '../registry/index.ts';
import { authorize, type Principal } from '../security/index.ts';
import { japaneseFont } from './japanese-font.ts';
import { lettersPdf, type PrintedLetter } from './letters-pdf.ts';
import { noticesDb } from './notice-tables.ts';

/** A print batch as listed: how many letters, when made and when taken. */
export interface PrintBatchView {
  readonly id: string;
  readonly createdAt: string;
  readonly createdBy: string;
  readonly letters: number;
  readonly takenAt?: string;
  readonly takenBy?: string;
}

/**
 * The pages enclosed with a request's letter (a disclosure on paper: its package), read in the
 * batch's transaction; null when the letter goes alone. Given by the composition root, since
 * the requests slice builds on this one.
 */
export type Enclosure = (
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  tx: Kysely<any>,
  requestId: string,
  actor: string,
) => Promise<string | null>;

/** The narrow dependencies of the print batch use cases. */
export type PrintBatchDeps = Pick<NoticeDeps, 'store' | 'keys' | 'audit' | 'clock'>;

const iso = (ms: number) => new Date(Number(ms)).toISOString();

/**
 * Gathers every letter by post still queued (not in a batch, not sent, not failed) into a new
 * print batch, oldest first, at most `max` (default 500); null when there is none. The claim
 * is one UPDATE per letter guarded by `batch_id is null`, so two runs never batch one twice.
 * Needs 'notices.send' and a scope of every customer group.
 */
export async function createPrintBatch(
  ctx: PrintBatchDeps,
  principal: Principal,
  input: { readonly max?: number } = {},
): Promise<PrintBatchView | null> {
  authorize(principal, 'notices.send');
  // SECURITY.6: a batch gathers every customer's letters.
  requireWholeRegistry(principal, 'a print batch');
  const max = Math.min(Math.max(Math.trunc(input.max ?? 500), 1), 5000);
  return ctx.store.db.transaction().execute(async (tx) => {
    const db = noticesDb(tx);
    const due = await db
      .selectFrom('notices')
      .select('id')
      .where('channel', '=', 'post')
      .where('batch_id', 'is', null)
      .where('sent_at', 'is', null)
      .where('failed_at', 'is', null)
      .orderBy('created_at')
      .orderBy('id')
      .limit(max)
      .execute();
    if (due.length === 0) return null;
    const id = randomUUID();
    const now = ctx.clock();
    let letters = 0;
    for (const n of due) {
      const r = await db
        .updateTable('notices')
        .set({ batch_id: id })
        .where('id', '=', n.id)
        .where('batch_id', 'is', null)
        .executeTakeFirst();
      letters += Number(r.numUpdatedRows);
    }
    if (letters === 0) return null;
    await db
      .insertInto('print_batches')
      .values({
        id,
        created_at: now,
        created_by: principal.id,
        letters,
        taken_at: null,
        taken_by: null,
      })
      .execute();
    return { id, createdAt: iso(now), createdBy: principal.id, letters };
  });
}

/**
 * The print batches, newest first (at most 100): counts and dates, nothing personal. Needs
 * 'notices.read', or 'notices.send' (the mail-house job that makes and takes them).
 */
export async function listPrintBatches(
  ctx: PrintBatchDeps,
  principal: Principal,
): Promise<PrintBatchView[]> {
  authorize(principal, 'notices.read', 'notices.send');
  const rows = await noticesDb(ctx.store.db)
    .selectFrom('print_batches')
    .selectAll()
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(100)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    createdAt: iso(r.created_at),
    createdBy: r.created_by,
    letters: Number(r.letters),
    ...(r.taken_at !== null ? { takenAt: iso(r.taken_at) } : {}),
    ...(r.taken_by !== null ? { takenBy: r.taken_by } : {}),
  }));
}

/**
 * Takes a print batch: its letters decrypted (with their enclosures, see `Enclosure`) and built into one PDF (letters-pdf.ts), every
 * letter's reading audited as 'notice.print' for its customer, and the letters marked sent
 * with the batch taken, all in one transaction (a failure leaves the batch as it was). Taking
 * it again rebuilds the same letters (a lost download) and audits that too; the first taking
 * is the one recorded. The font is looked for first: without it nothing is read or marked.
 * Needs 'notices.send' and a scope of every customer group; 'notices.not_found' when there is
 * no such batch.
 */
export async function takePrintBatch(
  ctx: PrintBatchDeps,
  principal: Principal,
  input: {
    readonly batchId: string;
    readonly env?: NodeJS.ProcessEnv;
    readonly enclosure?: Enclosure;
  },
): Promise<{ readonly batch: PrintBatchView; readonly pdf: Buffer }> {
  authorize(principal, 'notices.send');
  requireWholeRegistry(principal, 'a print batch');
  const font = japaneseFont(input.env);
  return ctx.store.db.transaction().execute(async (tx) => {
    const db = noticesDb(tx);
    const batch = await db
      .selectFrom('print_batches')
      .selectAll()
      .where('id', '=', input.batchId)
      .executeTakeFirst();
    if (batch === undefined)
      throw new HogoError('notices.not_found', 'no such print batch', { field: 'batchId' });
    const rows = await db
      .selectFrom('notices')
      .selectAll()
      .where('batch_id', '=', batch.id)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    const ciphers = await ctx.keys.ciphersFor(tx, [...new Set(rows.map((r) => r.customer_id))]);
    const letters: PrintedLetter[] = [];
    for (const r of rows) {
      const cipher = ciphers.get(r.customer_id)!;
      const enclosed =
        r.request_id === null || input.enclosure === undefined
          ? null
          : await input.enclosure(tx, r.request_id, principal.id);
      letters.push({
        noticeId: r.id,
        to: cipher.decrypt(r.to_sealed, `notice:${r.id}:to`),
        subject: r.subject,
        body: cipher.decrypt(r.body_sealed, `notice:${r.id}:body`),
        ...(enclosed === null ? {} : { enclosure: enclosed }),
      });
    }
    await ctx.audit.append(
      tx,
      rows.map((r) => ({
        actor: principal.id,
        action: 'notice.print',
        customerId: r.customer_id,
        detail: { noticeId: r.id, kind: r.kind, batchId: batch.id },
      })),
    );
    const now = ctx.clock();
    if (batch.taken_at === null) {
      await db
        .updateTable('print_batches')
        .set({ taken_at: now, taken_by: principal.id })
        .where('id', '=', batch.id)
        .execute();
      // The mail house has the letters: they count as sent (APPI Art. 35(7), 36 — the
      // customer is told) from the moment they leave hogo.
      await db
        .updateTable('notices')
        .set({ sent_at: now, attempts: 1 })
        .where('batch_id', '=', batch.id)
        .where('sent_at', 'is', null)
        .execute();
    }
    const pdf = await lettersPdf(letters, font);
    const takenAt = batch.taken_at ?? now;
    return {
      batch: {
        id: batch.id,
        createdAt: iso(batch.created_at),
        createdBy: batch.created_by,
        letters: Number(batch.letters),
        takenAt: iso(takenAt),
        takenBy: batch.taken_by ?? principal.id,
      },
      pdf,
    };
  });
}
