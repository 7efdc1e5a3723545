import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { COURT, login, provider, seedUser, start, synced, tempDataDir, waitFor } from './helpers.js';
import type { RunningServer } from '../../../server/server.js';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const ROOM = `court/${COURT}/doc/bien-ban-1`;

describe('the CLI server', () => {
  it('flushes on SIGTERM, exits 0, and the data is there after a restart', async () => {
    const dataDir = tempDataDir();
    await seedUser(dataDir);
    // What `npm run server` runs: the tsx CLI, which relays the signal to the server process and
    // exits with its code. (npm itself does not forward SIGTERM to its child; see server/README.md.)
    const child = spawn(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), path.join(ROOT, 'server/cli.ts'), '--port', '0', '--data', dataDir], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const events: Record<string, unknown>[] = [];
    let buffered = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) if (line) events.push(JSON.parse(line) as Record<string, unknown>);
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    await waitFor(() => events.some((e) => e.event === 'server.listening'), 'server start', 20_000);
    const url = events.find((e) => e.event === 'server.listening')!.url as string;
    const server = { url } as RunningServer;

    const token = await login(server);
    const writer = provider(server, ROOM, token);
    await synced(writer.provider);
    writer.doc.getText('body').insert(0, 'Biên bản phiên tòa ngày 28/11');
    writer.doc.getMap('meta').set('phase', 'tranh tụng');
    await waitFor(() => writer.provider.wsconnected, 'connected');
    await new Promise((resolve) => setTimeout(resolve, 100));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    writer.provider.destroy();
    expect(events.map((e) => e.event)).toEqual(expect.arrayContaining(['server.signal', 'server.closed']));

    const again = await start(dataDir);
    try {
      const reader = provider(again, ROOM, await login(again), new Y.Doc());
      await synced(reader.provider);
      expect(reader.doc.getText('body').toString()).toBe('Biên bản phiên tòa ngày 28/11');
      expect(reader.doc.getMap('meta').get('phase')).toBe('tranh tụng');
      reader.provider.destroy();
    } finally {
      await again.close();
    }
  });
});
