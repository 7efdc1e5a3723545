/**
 * The sync server serves the app's update feed from the folder court IT fills (default
 * `<dataDir>/updates`), next to the API, so electron-updater's generic provider can use the
 * court server's own address.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../../server/server.js';
import { start, tempDataDir } from './helpers.js';

const running: RunningServer[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((server) => server.close()));
});

describe('update feed route', () => {
  it('serves latest.yml and ranges of an installer from <dataDir>/updates, and 404 otherwise', async () => {
    const dataDir = tempDataDir();
    const updates = path.join(dataDir, 'updates');
    mkdirSync(updates, { recursive: true });
    writeFileSync(path.join(updates, 'latest.yml'), 'version: 0.2.0\nstagingPercentage: 30\n');
    writeFileSync(path.join(updates, 'Courtdesk-Setup-0.2.0.exe'), Buffer.from('0123456789'));
    const server = await start(dataDir);
    running.push(server);
    const seen: string[] = [];
    const stopObserving = server.onRequest((request) => seen.push(request.url ?? ''));

    const yml = await fetch(`${server.url}/updates/latest.yml`);
    expect(yml.status).toBe(200);
    expect(await yml.text()).toContain('stagingPercentage: 30');

    const part = await fetch(`${server.url}/updates/Courtdesk-Setup-0.2.0.exe`, { headers: { range: 'bytes=2-5' } });
    expect(part.status).toBe(206);
    expect(await part.text()).toBe('2345');

    expect((await fetch(`${server.url}/updates/missing.yml`)).status).toBe(404);
    expect((await fetch(`${server.url}/updates/..%2Fjwt-secret.key`)).status).toBe(404);
    // The API still answers beside it.
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    // Every request was observed (court IT's monitoring; the bench's socket count), until stopped.
    expect(seen).toEqual(['/updates/latest.yml', '/updates/Courtdesk-Setup-0.2.0.exe', '/updates/missing.yml', '/updates/..%2Fjwt-secret.key', '/api/health']);
    stopObserving();
    await fetch(`${server.url}/api/health`);
    expect(seen).toHaveLength(5);
  });

  it('uses the folder given by the updatesDir option', async () => {
    const dataDir = tempDataDir();
    const elsewhere = path.join(tempDataDir(), 'feed');
    mkdirSync(elsewhere, { recursive: true });
    writeFileSync(path.join(elsewhere, 'latest-linux.yml'), 'version: 0.3.0\n');
    const server = await start(dataDir, { updatesDir: elsewhere });
    running.push(server);
    const res = await fetch(`${server.url}/updates/latest-linux.yml`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('version: 0.3.0\n');
  });
});
