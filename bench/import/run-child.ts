import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const CHILD = fileURLToPath(new URL('./import-child.ts', import.meta.url));

/** What one child measured. */
export interface ChildResult {
  readonly rows: number;
  readonly ms: number;
  readonly maxRssMb: number;
}

/** Runs import-child.ts in a fresh Node process (through tsx) and reads its last line. */
export function runChild(
  engine: 'sqlite' | 'postgres',
  mode: 'hogo' | 'limit' | 'floor',
  file: string,
  url: string,
): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, engine, mode, file, url], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      const last = out.trim().split('\n').pop() ?? '';
      if (code !== 0) reject(new Error(`${engine} ${mode} import exited with ${code}`));
      else resolve(JSON.parse(last) as ChildResult);
    });
  });
}
