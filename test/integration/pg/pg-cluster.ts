/**
 * A throwaway PostgreSQL cluster for tests and benches: `initdb` into a temp folder, `pg_ctl start`
 * on a free port (TCP on 127.0.0.1 only, its socket in the same folder), deleted afterwards.
 * Running as root (CI on Debian), it runs as the `postgres` user through `runuser`, since
 * PostgreSQL refuses to run as root. No vitest here, so bench/ can use it too.
 *
 * @example
 *   const cluster = await startPrivateCluster();
 *   // … postgres://postgres@127.0.0.1:PORT/postgres …
 *   await cluster.destroy();
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

const ADMIN_USER = 'postgres';

export interface PgCluster {
  /** `postgres://postgres@127.0.0.1:PORT/postgres`: the admin database of the cluster. */
  readonly adminUrl: string;
  readonly port: number;
  /** Stops the server (fast shutdown: every connection ends, nothing committed is lost). */
  stop(): Promise<void>;
  /** Starts it again on the same port and data. */
  restart(): Promise<void>;
  /** Stops it for good and deletes its folder. */
  destroy(): Promise<void>;
}

/** The folder holding initdb/pg_ctl/postgres, or an Error that says how to get them. */
export function findPgBinDir(): string {
  const candidates: string[] = [];
  if (process.env.COURTDESK_PG_BIN) candidates.push(process.env.COURTDESK_PG_BIN);
  const debianRoot = '/usr/lib/postgresql';
  if (fs.existsSync(debianRoot)) {
    const versions = fs.readdirSync(debianRoot).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a));
    for (const version of versions) candidates.push(path.join(debianRoot, version, 'bin'));
  }
  const pgConfig = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' });
  if (pgConfig.status === 0) candidates.push(pgConfig.stdout.trim());
  const found = candidates.find((dir) => fs.existsSync(path.join(dir, 'initdb')) && fs.existsSync(path.join(dir, 'pg_ctl')));
  if (found === undefined) {
    throw new Error(
      'PostgreSQL binaries not found (initdb, pg_ctl). Install them (Debian: `apt-get install -y postgresql`), ' +
        'set COURTDESK_PG_BIN to their folder, or set COURTDESK_TEST_PG_URL to a server the tests may create databases on.',
    );
  }
  return found;
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/** Runs a PostgreSQL tool as the current user, or as `postgres` when we are root. */
function runPgTool(binDir: string, tool: string, args: string[], options: { timeoutMs?: number } = {}): void {
  const command = isRoot() ? 'runuser' : path.join(binDir, tool);
  const fullArgs = isRoot() ? ['-u', 'postgres', '--', path.join(binDir, tool), ...args] : args;
  const result = spawnSync(command, fullArgs, { encoding: 'utf8', timeout: options.timeoutMs ?? 60_000, stdio: ['ignore', 'pipe', 'pipe'] });
  if (result.status !== 0) {
    throw new Error(`${tool} ${args.join(' ')} failed (${result.status ?? result.signal}): ${result.stderr || result.stdout || result.error?.message}`);
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * initdb + pg_ctl start of a throwaway cluster. `fsync=off` for tests because nothing here must
 * survive a power cut (benches pass `durable: true` to measure real commits); `synchronous_commit`
 * stays on, so a stopped or killed server keeps what it acknowledged.
 */
export async function startPrivateCluster(options: { durable?: boolean } = {}): Promise<PgCluster> {
  const binDir = findPgBinDir();
  if (isRoot() && spawnSync('id', ['-u', 'postgres']).status !== 0) {
    throw new Error('Running as root, but there is no `postgres` user to run the test cluster as (install the Debian `postgresql` package).');
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'courtdesk-pg-'));
  if (isRoot()) execFileSync('chown', ['postgres:', dir]);
  const dataDir = path.join(dir, 'data');
  runPgTool(binDir, 'initdb', ['-D', dataDir, '-U', ADMIN_USER, '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
  const port = await freePort();
  const speed = options.durable ? [] : ['-c fsync=off', '-c full_page_writes=off'];
  const serverOptions = [`-p ${port}`, `-k ${dir}`, '-h 127.0.0.1', ...speed, '-c max_connections=200', '-c shared_buffers=128MB'].join(' ');
  const start = () => runPgTool(binDir, 'pg_ctl', ['-D', dataDir, '-l', path.join(dir, 'server.log'), '-o', serverOptions, '-w', '-t', '60', 'start']);
  const stop = (mode: 'fast' | 'immediate') => runPgTool(binDir, 'pg_ctl', ['-D', dataDir, '-m', mode, '-w', '-t', '60', 'stop']);
  start();
  let running = true;
  return {
    adminUrl: `postgres://${ADMIN_USER}@127.0.0.1:${port}/postgres`,
    port,
    async stop() {
      if (!running) return;
      stop('fast');
      running = false;
    },
    async restart() {
      if (running) return;
      start();
      running = true;
    },
    async destroy() {
      if (running) {
        try {
          stop('immediate');
        } catch {
          // already gone; the folder goes anyway
        }
        running = false;
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

let serial = 0;

/** A new empty database on the server of `adminUrl` (a role that may create databases); its URL. */
export async function createDatabase(adminUrl: string): Promise<string> {
  serial += 1;
  const name = `courtdesk_t_${process.pid}_${Date.now().toString(36)}_${serial}`;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
