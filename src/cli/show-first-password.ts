import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where the first-start password goes when stdout is not a terminal. */
export const FIRST_PASSWORD_FILE = 'first-admin-password';

/**
 * Shows the first-start admin password once: on the operator's terminal, or, when stdout is
 * redirected (a log file, a journal), in a file of mode 0600 in the data directory, with only
 * its path on stdout: a password in a log is read by whoever reads logs (SECURITY.6).
 */
export function showFirstPassword(
  first: { readonly name: string; readonly password: string },
  address: string,
  dataDir: string,
  out: { readonly isTTY?: boolean; write(text: string): unknown } = process.stdout,
): void {
  const signIn =
    `Sign in at ${address}/console/ (or POST ${address}/v1/session {"name":"${first.name}","password":"…"}); ` +
    'this password is not shown again.\n\n';
  if (out.isTTY === true) {
    out.write(
      `\nFirst start: created user '${first.name}' (privacyOfficer) with password\n  ${first.password}\n${signIn}`,
    );
    return;
  }
  const file = join(dataDir, FIRST_PASSWORD_FILE);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  writeFileSync(file, `${first.password}\n`, { mode: 0o600 });
  // A file left by an earlier first start keeps its mode on rewrite: tightened again.
  chmodSync(file, 0o600);
  out.write(
    `\nFirst start: created user '${first.name}' (privacyOfficer); its password is in ${file} (mode 0600: read it, then delete it).\n${signIn}`,
  );
}
