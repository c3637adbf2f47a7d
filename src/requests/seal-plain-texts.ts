import type { Kysely } from 'kysely';
import type { AuditLog, KeyService } from '../security/index.ts';
import type { StoreMigration } from '../store/index.ts';
import { cipherFor } from './cipher-for.ts';
import type { CustomerRequest } from './customer-request.ts';
import { requestsDb } from './request-tables.ts';
import { hasPlainText, sealRequestTexts } from './seal-request-texts.ts';

const PAGE = 500;

/**
 * Seals every free text still plain in a stored request (a refusal's sentence, a cancellation's
 * reason, an agent's evidence, a surcharge's reason, a payment's reference): requests written
 * before texts were sealed kept them in clear until their next event, and a closed request has
 * none. Each is sealed under its customer's data key as a new one would be, or stored as erased
 * when that key was shredded (REQUEST.DELETION). One 'requests.sealTexts' audit entry counts
 * them (no ids of customers: the entry is about storage, not about anyone). Returns how many
 * requests changed.
 */
export async function sealPlainRequestTexts(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  tx: Kysely<any>,
  keys: KeyService,
  audit: AuditLog,
): Promise<number> {
  const db = requestsDb(tx);
  let after = '';
  let sealed = 0;
  let erased = 0;
  for (;;) {
    const page = await db
      .selectFrom('requests')
      .select(['id', 'body'])
      .where('id', '>', after)
      .orderBy('id')
      .limit(PAGE)
      .execute();
    if (page.length === 0) break;
    for (const row of page) {
      const request = JSON.parse(row.body) as CustomerRequest;
      if (!hasPlainText(request)) continue;
      const cipher = await cipherFor({ keys }, tx, request.customerId);
      const next = sealRequestTexts(request, cipher);
      await db
        .updateTable('requests')
        .set({ body: JSON.stringify(next) })
        .where('id', '=', row.id)
        .execute();
      if (cipher === null) erased++;
      else sealed++;
    }
    after = page[page.length - 1]!.id;
  }
  if (sealed + erased > 0) {
    await audit.append(tx, [
      { actor: 'system:migrate', action: 'requests.sealTexts', detail: { sealed, erased } },
    ]);
  }
  return sealed + erased;
}

/**
 * The requests slice's steps that need the keys and the audit log, not only the schema: run
 * once, after the schema migrations, by `openContext` (on start and by `hogo db migrate`).
 */
export function requestKeyedMigrations(
  keys: KeyService,
  audit: AuditLog,
): Readonly<Record<string, StoreMigration>> {
  return {
    '0690-requests-seal-plain-texts': {
      async up(tx) {
        await sealPlainRequestTexts(tx, keys, audit);
      },
    },
  };
}
