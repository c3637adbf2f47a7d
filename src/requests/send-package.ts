import type { FastifyReply } from 'fastify';
import type { CompiledPolicy } from '../policy/index.ts';
import type { CustomerRequest } from './customer-request.ts';
import { packageHtml } from './package-html.ts';
import type { RequestPackage } from './store-package.ts';

/** Answers a package as a download: JSON, or the readable HTML page in the request's language. */
export function sendPackage(
  reply: FastifyReply,
  policy: CompiledPolicy,
  found: { readonly request: CustomerRequest; readonly package: RequestPackage },
  format: 'json' | 'html',
): FastifyReply {
  const name = `${found.package.format.startsWith('hogo/disclosure') ? 'disclosure' : 'provision-records'}-${found.request.id}`;
  reply.header('cache-control', 'no-store');
  if (format === 'html') {
    return reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('content-disposition', `attachment; filename="${name}.html"`)
      .send(packageHtml(policy, found.package, found.request.lang ?? 'ja'));
  }
  return reply
    .header('content-type', 'application/json; charset=utf-8')
    .header('content-disposition', `attachment; filename="${name}.json"`)
    .send(JSON.stringify(found.package, null, 2));
}
