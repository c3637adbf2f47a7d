import { createCipheriv, randomBytes, randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { NoticeDeps } from './notice-deps.ts';
import { maskAddress } from './mask-address.ts';
import type { NoticeInput } from './notice-input.ts';
import { noticesDb } from './notice-tables.ts';

/**
 * The work of `enqueueNotice` without its effect, inside the caller's transaction `tx`: a
 * look-up standing in for the data key's, the address and body sealed under a throwaway key,
 * and the same INSERT with the same parameters, made to select no row. A
 * caller that must not reveal whether it had someone to notify (REQUEST.WEB: an unknown
 * address) does this instead, so both paths take the same statements.
 */
export async function rehearseNotice(
  ctx: NoticeDeps,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  tx: Kysely<any>,
  notice: Omit<NoticeInput, 'customerId'>,
): Promise<void> {
  const id = randomUUID();
  const db = noticesDb(tx);
  await db.selectFrom('notices').select('id').where('id', '=', id).executeTakeFirst();
  const key = randomBytes(32);
  const seal = (text: string): Buffer => {
    const iv = randomBytes(12);
    const c = createCipheriv('aes-256-gcm', key, iv);
    c.setAAD(Buffer.from(`notice:${id}`));
    return Buffer.concat([iv, c.update(text, 'utf8'), c.final(), c.getAuthTag()]);
  };
  // INSERT … SELECT … WHERE 1 = 0: the same statement with the same parameters, no row.
  const bytes = ctx.store.capabilities.bytesType;
  await db
    .insertInto('notices')
    .columns([
      'id',
      'kind',
      'channel',
      'customer_id',
      'lang',
      'to_masked',
      'to_sealed',
      'subject',
      'body_sealed',
      'created_at',
      'attempts',
      'expires_at',
    ])
    .expression(
      db
        .selectNoFrom((eb) => [
          eb.cast<string>(eb.val(id), 'text').as('id'),
          eb.cast<string>(eb.val(notice.kind), 'text').as('kind'),
          eb.cast<string>(eb.val(notice.channel), 'text').as('channel'),
          eb.cast<string>(eb.val(`rehearsal:${id}`), 'text').as('customer_id'),
          eb.cast<string>(eb.val(notice.lang), 'text').as('lang'),
          eb.cast<string>(eb.val(maskAddress(notice.channel, notice.to)), 'text').as('to_masked'),
          eb.cast<Uint8Array>(eb.val(seal(notice.to)), bytes).as('to_sealed'),
          eb.cast<string>(eb.val(notice.subject), 'text').as('subject'),
          eb.cast<Uint8Array>(eb.val(seal(notice.body)), bytes).as('body_sealed'),
          eb.cast<number>(eb.val(ctx.clock()), 'bigint').as('created_at'),
          eb.cast<number>(eb.val(0), 'integer').as('attempts'),
          eb.cast<number | null>(eb.val(notice.expiresAt ?? null), 'bigint').as('expires_at'),
        ])
        .where(sql<boolean>`1 = 0`),
    )
    .execute();
}
