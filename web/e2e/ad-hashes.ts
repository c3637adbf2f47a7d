import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportAudience } from '../../src/provision/export-audience.ts';
import { cliPrincipal } from '../../src/cli/cli-principal.ts';
import { approvedExport } from '../../src/governance/test-support.ts';
import type { E2eServer } from './e2e-server.ts';

/** SHA-256 of a trimmed, lower-cased e-mail address: how an ad audience names a person. */
export const emailHash = (email: string): string =>
  createHash('sha256').update(email.trim().toLowerCase()).digest('hex');

let round = 0;

/** Exports a Google audience through the real export and returns the text of the upload file. */
export async function googleAudience(server: E2eServer): Promise<string> {
  const out = join(server.dataDir, `google-${++round}.csv`);
  const approvalId = await approvedExport(server.ctx, 'adExport', 'google');
  await exportAudience(server.ctx, cliPrincipal('e2e-ads'), {
    platform: 'google',
    out,
    approvalId,
  });
  return readFileSync(out, 'utf8');
}
