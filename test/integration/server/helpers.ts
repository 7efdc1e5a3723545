/**
 * Shared setup for the court server's integration tests: a real server on 127.0.0.1 port 0 in a
 * temp folder, accounts, logins, stock y-websocket providers (ws polyfill, no BroadcastChannel:
 * Node 20 has one, and two providers in one process would otherwise sync without the server).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { addAccount } from '../../../server/auth/accounts.js';
import { createJsonLogger, type Logger } from '../../../server/log.js';
import { startServer, type RunningServer, type ServerOptions } from '../../../server/server.js';
import { openSqliteStore } from '../../../server/store/sqlite-store.js';

export const COURT = 'tand-kv1-vinhlong';
export const OTHER_COURT = 'tand-kv2-vinhlong';
export const PASSWORD = 'mat-khau-thu-1';

export function tempDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'courtdesk-server-'));
}

/** A logger that keeps every event, for tests that assert on logs. */
export function memoryLogger(): Logger & { events: Record<string, unknown>[] } {
  const events: Record<string, unknown>[] = [];
  const logger = createJsonLogger({ level: 'debug', write: (line) => void events.push(JSON.parse(line) as Record<string, unknown>) });
  return Object.assign(logger, { events });
}

export async function seedUser(dataDir: string, user = 'thuky', court = COURT, role = 'clerk'): Promise<void> {
  const store = openSqliteStore(dataDir);
  try {
    const result = await addAccount(store, { court, user, password: PASSWORD, roles: [role] });
    if (!result.ok) throw new Error(result.error.messageEn);
  } finally {
    await store.close();
  }
}

export async function start(dataDir: string, options: Partial<ServerOptions> = {}): Promise<RunningServer> {
  return startServer({ dataDir, port: 0, logger: memoryLogger(), ...options });
}

export async function login(server: RunningServer, user = 'thuky', court = COURT, password = PASSWORD): Promise<string> {
  const res = await fetch(`${server.url}/api/login`, { method: 'POST', body: JSON.stringify({ court, user, password }) });
  if (res.status !== 200) throw new Error(`login failed: ${res.status}`);
  return ((await res.json()) as { token: string }).token;
}

export function syncUrl(server: RunningServer): string {
  return `${server.url.replace(/^http/, 'ws')}/sync`;
}

export function provider(server: RunningServer, room: string, token: string, doc = new Y.Doc()): { doc: Y.Doc; provider: WebsocketProvider } {
  const p = new WebsocketProvider(syncUrl(server), room, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    params: { token },
    maxBackoffTime: 200,
  });
  return { doc, provider: p };
}

export async function waitFor(check: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export function synced(p: WebsocketProvider): Promise<void> {
  return waitFor(() => p.synced, 'provider sync');
}

/** A raw client that records every frame and the close code, to prove what was (not) sent. */
export function rawClient(url: string): { ws: WebSocket; frames: Uint8Array[]; closed: Promise<{ code: number; reason: string }>; opened: Promise<void> } {
  const ws = new WebSocket(url);
  const frames: Uint8Array[] = [];
  ws.on('message', (data: Buffer) => frames.push(new Uint8Array(data)));
  ws.on('error', () => {});
  const closed = new Promise<{ code: number; reason: string }>((resolve) => ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  const opened = new Promise<void>((resolve, reject) => {
    ws.on('open', () => resolve());
    ws.on('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
  });
  return { ws, frames, closed, opened };
}
