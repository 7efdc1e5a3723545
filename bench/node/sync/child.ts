/** Starts bench/node/sync/server-child.ts in its own Node process and talks to it over IPC. */
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../../..');

export interface ChildStats {
  readonly rss: number;
  readonly loadedDocs?: number;
  readonly connections?: number;
  /** The server's event-loop delay since the previous `stats()` (ms). */
  readonly loopDelayP99Ms: number;
  readonly loopDelayMaxMs: number;
}

export interface ServerChild {
  readonly port: number;
  readonly pid: number;
  stats(): Promise<ChildStats>;
  close(): Promise<void>;
}

function nextMessage<T>(child: ChildProcess, kind: string, timeoutMs: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server child: no "${kind}" within ${timeoutMs} ms`)), timeoutMs);
    const onMessage = (message: { kind?: string }) => {
      if (message.kind !== kind) return;
      clearTimeout(timer);
      child.off('message', onMessage);
      resolve(message as T);
    };
    child.on('message', onMessage);
    child.once('exit', (code) => reject(new Error(`server child exited with ${code}`)));
  });
}

/** `mode` courtdesk: the real server on `dataDir`; bare: the ws-broadcast baseline. */
export async function startServerChild(mode: 'courtdesk' | 'bare', dataDir = '', idleUnloadMs = 30_000): Promise<ServerChild> {
  const child = fork(path.join(ROOT, 'bench/node/sync/server-child.ts'), [mode, dataDir, String(idleUnloadMs)], {
    cwd: ROOT,
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const { port } = await nextMessage<{ port: number }>(child, 'listening', 30_000);
  return {
    port,
    pid: child.pid!,
    async stats() {
      const reply = nextMessage<ChildStats>(child, 'rss', 10_000);
      child.send({ kind: 'rss' });
      return reply;
    },
    async close() {
      if (child.exitCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.send({ kind: 'close' });
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
