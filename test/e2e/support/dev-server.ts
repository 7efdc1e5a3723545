/**
 * A real court sync server for an e2e spec, started as `npm start` starts it
 * (scripts/dev-server.ts: demo accounts + demo court) in its own Node process (the demo generator
 * imports JSON, which Playwright's loader does not), on a free port, with a throwaway data folder.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';

export interface DevServer {
  readonly url: string;
  readonly dataDir: string;
  /** SIGTERM (the server flushes), then the data folder goes. */
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const port = (probe.address() as { port: number }).port;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * @param label names the data folder (`courtdesk-e2e-<label>-…`)
 * @param prepare fills the data folder before the server starts (e.g. trusted pack keys)
 */
export async function startDevServer(label: string, prepare?: (dataDir: string) => void | Promise<void>): Promise<DevServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `courtdesk-e2e-${label}-`));
  await prepare?.(dataDir);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const server: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'scripts/dev-server.ts', '--port', String(port), '--data', dataDir], { stdio: 'inherit' });
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline || server.exitCode !== null) {
      server.kill('SIGKILL');
      throw new Error('The sync server did not start');
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    url,
    dataDir,
    async stop() {
      if (server.exitCode === null) {
        const exited = new Promise((resolve) => server.once('exit', resolve));
        server.kill('SIGTERM');
        await exited;
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
