import type { Command } from 'commander';
import { loadConfig, appSettings } from '../config/index.ts';
import { openContext } from '../app/open-context.ts';
import { buildApp } from '../http/build-app.ts';
import { appendAuditAnchor, bootstrap } from '../security/index.ts';
import { decideLimits } from '../http/decide-limits.ts';
import { showFirstPassword } from './show-first-password.ts';

/** `hogo serve`: the HTTP API and pages; prints the URL. */
export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('Serve the HTTP API and pages (HOGO_HOST, HOGO_PORT; default 127.0.0.1:8080).')
    .option('--port <port>', 'port (default: HOGO_PORT or 8080)')
    .option('--host <host>', 'host (default: HOGO_HOST or 127.0.0.1)')
    .action(async (opts: { port?: string; host?: string }) => {
      const config = loadConfig({
        ...process.env,
        ...(opts.port ? { HOGO_PORT: opts.port } : {}),
        ...(opts.host ? { HOGO_HOST: opts.host } : {}),
      });
      const context = await openContext({ env: process.env, policyPath: config.policyPath });
      const first = await bootstrap(context);
      const app = await buildApp({
        policy: context.policy,
        logLevel: config.logLevel,
        context,
        decideLimits: decideLimits(process.env),
        ...(config.trustProxy !== undefined ? { trustProxy: config.trustProxy } : {}),
      });
      const address = await app.listen({ host: config.host, port: config.port });
      process.stdout.write(
        `hogo is serving ${address}\n` +
          `  privacy center: ${address}/   staff console: ${address}/console/\n` +
          `  policy: ${address}/policy   API: ${address}/openapi.json\n`,
      );
      // Shown once, on the operator's terminal only (else a 0600 file), never in the log.
      if (first) showFirstPassword(first, address, appSettings(process.env).dataDir);
      const anchors = config.auditAnchors;
      let anchorTimer: NodeJS.Timeout | undefined;
      if (anchors !== undefined) {
        // SECURITY.3: the chain head signed and kept outside the database, now and periodically.
        const anchor = () =>
          appendAuditAnchor(context.store, context.keys, context.clock(), anchors.file).catch(
            (e: unknown) =>
              app.log.error({ err: e }, `audit anchor not written to ${anchors.file}`),
          );
        await anchor();
        anchorTimer = setInterval(() => void anchor(), anchors.everyHours * 3_600_000);
        anchorTimer.unref();
      }
      const stop = async () => {
        if (anchorTimer !== undefined) clearInterval(anchorTimer);
        await app.close();
        if (anchors !== undefined)
          await appendAuditAnchor(context.store, context.keys, context.clock(), anchors.file).catch(
            (e: unknown) =>
              process.stderr.write(
                `hogo: the audit anchor on stop was not written to ${anchors.file}: ${String(e)}\n`,
              ),
          );
        await context.close();
        process.exit(0);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      // Said once the stop handler is in place: a stop from now on writes its anchor.
      if (anchors !== undefined)
        process.stdout.write(
          `  audit anchors: ${anchors.file} (every ${anchors.everyHours} h and on stop; keep copies away from the database)\n`,
        );
      // SECURITY.3: said at every start while off, so that nobody forgets it is.
      else
        process.stderr.write(
          'hogo: WARNING audit anchoring is off (HOGO_AUDIT_ANCHORS=off): whoever can write the database can rewrite the audit log unseen\n',
        );
      await new Promise(() => {});
    });
}
