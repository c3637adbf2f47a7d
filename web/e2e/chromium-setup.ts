import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { CHROMIUM, DEBIAN_CHROMIUM } from './browser.ts';

/** What the test run must do for the browser tests' Chromium. */
export type ChromiumPlan =
  | { readonly kind: 'ready' }
  | { readonly kind: 'install'; readonly command: readonly string[] }
  | { readonly kind: 'stop'; readonly message: string };

/** The machine facts the plan is made from. */
export interface ChromiumFacts {
  readonly executable: string;
  readonly exists: boolean;
  readonly isRoot: boolean;
  readonly hasAptGet: boolean;
}

const FIX = 'sudo apt-get install -y chromium';

/**
 * Decides how the browser tests get their Chromium: present, installed from Debian's package
 * (root with apt-get, as `.ci/run` does), or a stop naming the one command that fixes it.
 * Never a silent skip: a suite that does not run must not pass.
 */
export function planChromium(facts: ChromiumFacts): ChromiumPlan {
  if (facts.exists) return { kind: 'ready' };
  if (facts.executable !== DEBIAN_CHROMIUM) {
    return {
      kind: 'stop',
      message: `HOGO_CHROMIUM=${facts.executable} does not exist. Fix: point HOGO_CHROMIUM at a Chromium executable, or unset it and run: ${FIX}`,
    };
  }
  if (facts.isRoot && facts.hasAptGet) {
    // --reinstall also restores a removed executable of a package dpkg still lists as installed.
    return {
      kind: 'install',
      command: ['apt-get', 'install', '-y', '-q', '--reinstall', 'chromium'],
    };
  }
  return {
    kind: 'stop',
    message: `The browser tests (web/e2e) need Chromium at ${DEBIAN_CHROMIUM}. Fix: ${FIX}`,
  };
}

function machineFacts(): ChromiumFacts {
  return {
    executable: CHROMIUM,
    exists: existsSync(CHROMIUM),
    isRoot: process.getuid?.() === 0,
    hasAptGet: spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0,
  };
}

function runApt(command: readonly string[], env: NodeJS.ProcessEnv): number | null {
  const [bin, ...args] = command;
  return spawnSync(bin!, args, { stdio: 'inherit', env }).status;
}

/** Ends the run with one clear line, not a stack trace under "no test files found". */
function stop(message: string): never {
  process.stderr.write(`\nbrowser tests: ${message}\n\n`);
  process.exit(1);
}

/** Installs Debian's chromium (updating the package lists once if the first try fails). */
function install(command: readonly string[]): void {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  process.stderr.write(`browser tests: ${command.join(' ')}\n`);
  if (runApt(command, env) !== 0) {
    runApt(['apt-get', 'update', '-q'], env);
    if (runApt(command, env) !== 0)
      throw new Error(`browser tests: installing Chromium failed. Fix: ${FIX}`);
  }
  if (!existsSync(CHROMIUM))
    throw new Error(`browser tests: ${CHROMIUM} still missing. Fix: ${FIX}`);
}

/** Vitest global setup: when the run includes a browser test, makes sure Chromium is there. */
export default async function setup(project: TestProject): Promise<void> {
  const { testFiles } = await project.globTestFiles(project.vitest.config.filters);
  if (!testFiles.some((file) => file.includes('/web/e2e/'))) return;
  const plan = planChromium(machineFacts());
  if (plan.kind === 'install') install(plan.command);
  if (plan.kind === 'stop') stop(plan.message);
}
