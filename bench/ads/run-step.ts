import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const CHILD = fileURLToPath(new URL('./ads-child.ts', import.meta.url));

/** The steps ads-child.ts runs. */
export type StepMode = 'seed' | 'export' | 'floor-seed' | 'floor-export';

/** What one step measured (see ads-child.ts). */
export interface StepResult {
  readonly ms: number;
  readonly cpuMs?: number;
  readonly customers: number;
  readonly included?: number;
  readonly bytes?: number;
  readonly maxRssMb: number;
}

/** Runs one step of the ads benchmark in a fresh Node process (through tsx); its last line. */
export function runStep(
  dir: string,
  mode: StepMode,
  arg: string,
  env: NodeJS.ProcessEnv,
): Promise<StepResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dir, mode, arg], {
      stdio: ['ignore', 'pipe', 'inherit'],
      env,
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      const last = out.trim().split('\n').pop() ?? '';
      if (code !== 0) reject(new Error(`ads ${mode} ${arg} exited with ${code}`));
      else resolve(JSON.parse(last) as StepResult);
    });
  });
}
