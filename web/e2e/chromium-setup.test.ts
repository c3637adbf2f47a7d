import { describe, expect, it } from 'vitest';
import { DEBIAN_CHROMIUM } from './browser.ts';
import { planChromium } from './chromium-setup.ts';

const base = { executable: DEBIAN_CHROMIUM, exists: false, isRoot: true, hasAptGet: true };

describe('planChromium', () => {
  it('does nothing when the browser is there', () => {
    expect(planChromium({ ...base, exists: true })).toEqual({ kind: 'ready' });
  });

  it("installs Debian's chromium as root with apt-get", () => {
    const plan = planChromium(base);
    expect(plan.kind).toBe('install');
    expect(plan.kind === 'install' && plan.command).toContain('chromium');
  });

  it('stops with the one command that fixes it when it may not install', () => {
    for (const facts of [
      { ...base, isRoot: false },
      { ...base, hasAptGet: false },
    ]) {
      const plan = planChromium(facts);
      expect(plan).toEqual({
        kind: 'stop',
        message: expect.stringContaining('sudo apt-get install -y chromium'),
      });
    }
  });

  it('never installs over a HOGO_CHROMIUM that points elsewhere', () => {
    const plan = planChromium({ ...base, executable: '/opt/missing/chrome' });
    expect(plan.kind).toBe('stop');
    expect(plan.kind === 'stop' && plan.message).toContain('HOGO_CHROMIUM=/opt/missing/chrome');
  });
});
