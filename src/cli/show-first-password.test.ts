import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../security/test-support.ts';
import { FIRST_PASSWORD_FILE, showFirstPassword } from './show-first-password.ts';

const first = { name: 'admin', password: 'correct-horse-battery' };

const capture = (isTTY: boolean) => {
  let text = '';
  return { isTTY, write: (t: string) => (text += t), text: () => text };
};

describe('the first-start password', () => {
  it('is shown on a terminal', () => {
    const out = capture(true);
    showFirstPassword(first, 'http://127.0.0.1:8080', tempDir(), out);
    expect(out.text()).toContain(first.password);
  });

  it('never reaches a redirected stdout: it goes to a 0600 file, whose path is said', () => {
    const dir = join(tempDir(), 'data');
    const out = capture(false);
    showFirstPassword(first, 'http://127.0.0.1:8080', dir, out);
    const file = join(dir, FIRST_PASSWORD_FILE);
    expect(out.text()).not.toContain(first.password);
    expect(out.text()).toContain(file);
    expect(readFileSync(file, 'utf8').trim()).toBe(first.password);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });
});
