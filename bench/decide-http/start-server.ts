import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const CHILD = fileURLToPath(new URL('./serve-child.ts', import.meta.url));

/** A server started in a child process; `stop` ends it. */
export interface StartedServer {
  readonly port: number;
  stop(): Promise<void>;
}

/** Starts serve-child.ts (`hogo` or `hello`) and waits for the port it prints. */
export function startServer(kind: 'hogo' | 'hello'): Promise<StartedServer> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', CHILD, kind], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n')[0];
      if (out.includes('\n') && line !== undefined) {
        const { port } = JSON.parse(line) as { port: number };
        resolve({
          port,
          stop: () =>
            new Promise((done) => {
              child.once('exit', () => done());
              child.kill('SIGTERM');
            }),
        });
      }
    });
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`${kind} server exited with ${code}`)));
  });
}
