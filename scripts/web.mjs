// `npm run web`: Courtdesk in any Chromium (DESIGN §2, web mode). Builds the renderer with plain
// Vite (out/web) unless --no-build, then serves it on 127.0.0.1 at a FIXED port: IndexedDB belongs
// to an origin (scheme + host + port), so a new port would show an empty replica.
//
//   npm run web [-- --no-build] [-- --port 5180]      (or env COURTDESK_WEB_PORT)
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { portInUseMessage, serveStatic } from './serve-static.mjs';

export const DEFAULT_WEB_PORT = 5178;
const ROOT = path.resolve(import.meta.dirname, '..');
const OUT_DIR = path.join(ROOT, 'out', 'web');

function fail(messageVi, messageEn) {
  console.error(`${messageVi} — ${messageEn}`);
  process.exit(1);
}

function parseArgs(argv) {
  const options = { build: true, port: Number(process.env.COURTDESK_WEB_PORT || DEFAULT_WEB_PORT) };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--no-build') options.build = false;
    else if (arg === '--port') options.port = Number(argv[++i]);
    else if (arg.startsWith('--port=')) options.port = Number(arg.slice('--port='.length));
    else fail(`Tham số không hợp lệ: ${arg}`, `unknown argument: ${arg} (use --no-build, --port N)`);
  }
  if (!Number.isInteger(options.port) || options.port < 1 || options.port > 65535) {
    fail('Số cổng không hợp lệ (1–65535)', 'invalid port number (1-65535)');
  }
  return options;
}

/** Fails fast, before a build of several seconds, when the port is already taken. */
function assertPortFree(port) {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', (error) => {
      if (error.code === 'EADDRINUSE') {
        console.error(portInUseMessage(port));
        process.exit(1);
      }
      resolve(); // Any other probe failure: let the real listen report it.
    });
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve()));
  });
}

function build() {
  return new Promise((resolve) => {
    const child = spawn('npx', ['vite', 'build', '-c', 'vite.renderer.config.ts', '--logLevel', 'warn'], {
      cwd: ROOT,
      stdio: 'inherit',
      shell: process.platform === 'win32',
    });
    child.on('error', () => resolve(1));
    child.on('close', (code) => resolve(code ?? 1));
  });
}

const options = parseArgs(process.argv.slice(2));
await assertPortFree(options.port);
if (options.build && (await build()) !== 0) {
  fail('Không build được giao diện (xem lỗi ở trên)', 'the renderer build failed (see the errors above)');
}

let server;
try {
  server = await serveStatic({ root: OUT_DIR, port: options.port, host: '127.0.0.1' });
} catch (error) {
  if (error.code === 'EADDRINUSE') {
    console.error(portInUseMessage(options.port));
    process.exit(1);
  }
  fail(error.message, 'could not start the web server');
}

console.log(`Courtdesk (chế độ web) đang chạy tại ${server.url} — web mode running at ${server.url}`);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await server.close();
  process.exit(0);
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
