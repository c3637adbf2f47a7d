import type { Kysely } from 'kysely';
import type { RequestDeps } from './request-deps.ts';
import { packageHtml } from './package-html.ts';
import { requireRequest } from './require-request.ts';
import { requestsDb } from './request-tables.ts';
import type { RequestPackage } from './store-package.ts';

/**
 * The pages to enclose with a request's letter on paper: a disclosure asked for on paper (APPI
 * Art. 33(1), "by delivery of a document") has its package printed with the letter, as plain
 * text in the customer's language, the same content as the package page; null for any other
 * letter. The read is audited as 'request.package.read' (format 'paper') in `tx`.
 */
export async function paperEnclosure(
  ctx: Pick<RequestDeps, 'keys' | 'audit' | 'policy'>,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  tx: Kysely<any>,
  requestId: string,
  actor: string,
): Promise<string | null> {
  const request = await requireRequest(tx, requestId);
  if (request.deliveryMethod !== 'paper') return null;
  const row = await requestsDb(tx)
    .selectFrom('request_packages')
    .selectAll()
    .where('request_id', '=', requestId)
    .executeTakeFirst();
  if (row === undefined) return null;
  const cipher = (await ctx.keys.ciphersFor(tx, [row.customer_id])).get(row.customer_id)!;
  const pkg = JSON.parse(
    cipher.decrypt(row.body_sealed, `package:${row.request_id}`),
  ) as RequestPackage;
  await ctx.audit.append(tx, [
    {
      actor,
      action: 'request.package.read',
      customerId: request.customerId,
      clauses: [request.kind],
      detail: { requestId, format: 'paper', sha256: row.sha256 },
    },
  ]);
  return htmlText(packageHtml(ctx.policy, pkg, request.lang ?? 'ja'));
}

/** The text of the package page, one line per heading, paragraph, list item or table row. */
function htmlText(html: string): string {
  return html
    .replace(/<(style|title|head)[^>]*>[\s\S]*?<\/\1>/g, '')
    .replace(/<\/(td|th)>/g, ' ｜ ')
    .replace(/<(br|\/p|\/h\d|\/li|\/tr|\/caption|\/footer)[^>]*>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&(amp|lt|gt|quot|#39);/g, (_m, e: string) =>
      e === 'amp' ? '&' : e === 'lt' ? '<' : e === 'gt' ? '>' : e === 'quot' ? '"' : "'",
    )
    .split('\n')
    .map((l) =>
      l
        .replace(/[ \t]+/g, ' ')
        .replace(/\s*｜\s*$/, '')
        .trim(),
    )
    .filter((l) => l !== '')
    .join('\n');
}
