// `npm start`: Courtdesk on the desktop when this machine has the Electron binary, otherwise in web
// mode. Electron 45 downloads its binary from GitHub on first use, which offline court machines (and
// this build machine) cannot do (toolchain.md §2e), so we look for the binary on disk and never
// trigger that download.
//
//   npm start [-- args]     args go to Electron, or to scripts/web.mjs (e.g. -- --port 5180)
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
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
