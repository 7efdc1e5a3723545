// `npm start`: the local court sync server (demo court and accounts, printed) on 127.0.0.1:1234,
// then Courtdesk on the desktop when this machine has the Electron binary, otherwise in web
// mode. Electron 45 downloads its binary from GitHub on first use, which offline court machines (and
// this build machine) cannot do (toolchain.md §2e), so we look for the binary on disk and never
// trigger that download.
//
//   npm start [-- args]     args go to Electron, or to scripts/web.mjs (e.g. -- --port 5180)
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { constants } from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const ELECTRON_PACKAGE = path.join(ROOT, 'node_modules', 'electron');

/**
 * The Electron executable if it is on disk, else null. Mirrors electron's own index.js
 * (path.txt names the executable inside dist/, ELECTRON_OVERRIDE_DIST_PATH replaces dist/) without
 * its fallback of downloading.
 */
function electronBinary() {
  const pathFile = path.join(ELECTRON_PACKAGE, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (!relative && !override) return null;
  const binary = path.join(override || path.join(ELECTRON_PACKAGE, 'dist'), relative || 'electron');
  return existsSync(binary) ? binary : null;
}

/** Runs a child with inherited stdio; forwards SIGINT/SIGTERM to it and exits with its code. */
function runForwarding(command, args, { exitOnClose = true } = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: 'inherit' });
    const forward = (signal) => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    };
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.on('error', (error) => {
      console.error(`Không chạy được ${path.basename(command)}: ${error.message} — could not start ${command}`);
      process.exit(1);
    });
    child.on('close', (code, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      const status = code ?? (signal ? 128 + (constants.signals[signal] ?? 0) : 1);
      if (exitOnClose) process.exit(status);
      resolve(status);
    });
  });
}

const SYNC_PORT = 1234;
const SYNC_URL = `http://127.0.0.1:${SYNC_PORT}`;

/** True when a Courtdesk sync server answers on SYNC_URL. */
async function syncServerAnswers() {
  try {
    const res = await fetch(`${SYNC_URL}/api/health`, { signal: AbortSignal.timeout(1500) });
    const body = await res.json();
    return body?.service === 'courtdesk-server';
  } catch {
    return false;
  }
}

function portBusy(port) {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', (error) => resolve(error.code === 'EADDRINUSE'));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(false)));
  });
}

/**
 * The local court sync server (scripts/dev-server.ts: demo accounts and court in ./court-data),
 * or null when one already runs on the port (then the app just uses it) or the port is taken.
 */
async function startSyncServer() {
  if (await portBusy(SYNC_PORT)) {
    if (await syncServerAnswers()) {
      console.log(`Máy chủ đồng bộ Courtdesk đã chạy sẵn tại ${SYNC_URL}; dùng máy chủ đó. — A Courtdesk sync server already runs at ${SYNC_URL}; using it.`);
    } else {
      console.error(
        `Cổng ${SYNC_PORT} đang bị một chương trình khác dùng, nên không chạy được máy chủ đồng bộ; ứng dụng vẫn chạy với dữ liệu trên máy. — ` +
          `Port ${SYNC_PORT} is taken by another program, so the sync server cannot start; the app still works on local data.`,
      );
    }
    return null;
  }
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts', 'dev-server.ts'), '--port', String(SYNC_PORT), '--data', path.join(ROOT, 'court-data')], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  const exited = new Promise((resolve) => child.once('exit', (code) => resolve(code ?? 1)));
  for (let i = 0; i < 120; i++) {
    if (await syncServerAnswers()) return child;
    const done = await Promise.race([exited, new Promise((resolve) => setTimeout(() => resolve(undefined), 250))]);
    if (done !== undefined) {
      console.error('Máy chủ đồng bộ không khởi động được (xem lỗi ở trên); ứng dụng vẫn chạy với dữ liệu trên máy. — The sync server failed to start (see above).');
      return null;
    }
  }
  return child;
}

const syncServer = await startSyncServer();
/** Stops the sync server (it flushes its docs on SIGTERM) when the app ends. */
function stopSyncServer() {
  if (syncServer && syncServer.exitCode === null && syncServer.signalCode === null) syncServer.kill('SIGTERM');
}
process.on('exit', stopSyncServer);
// Ctrl+C reaches the whole process group (the app and the server); the app's exit ends us.
process.on('SIGINT', () => undefined);
process.on('SIGTERM', () => stopSyncServer());

const args = process.argv.slice(2);
const binary = electronBinary();

if (binary === null) {
  console.log(
    'Không có tệp chạy Electron trên máy này (không tải được từ GitHub); mở Courtdesk ở chế độ web. — ' +
      'The Electron binary is not on this machine (it cannot be downloaded from GitHub); opening Courtdesk in web mode.',
  );
  await runForwarding(process.execPath, [path.join(ROOT, 'scripts', 'web.mjs'), ...args]);
} else {
  const electronVite = path.join(ROOT, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  const built = await runForwarding(process.execPath, [electronVite, 'build'], { exitOnClose: false });
  if (built !== 0) {
    console.error('Không build được bản desktop (xem lỗi ở trên). — The desktop build failed (see the errors above).');
    process.exit(built);
  }
  // `.` starts package.json's "main" (out/main/index.js).
  await runForwarding(binary, ['.', ...args]);
}
