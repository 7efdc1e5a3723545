/**
 * `npm run server -- [--host H] [--port P] [--data DIR]` runs the court sync server;
 * `npm run server -- user add --data DIR --court C --user U --password PW --role clerk|judge|admin [--staff STAFF_ID]`
 * creates (or resets) an account; `npm run server -- demo-accounts --data DIR [--court C]` seeds
 * the demo accounts. Output is one JSON line per event; SIGTERM/SIGINT flush and exit 0.
 */
import { parseArgs } from 'node:util';
import { addAccount } from './auth/accounts.js';
import { seedDemoAccounts, DEMO_COURT_ID } from './demo-accounts.js';
import { createJsonLogger, errorFields } from './log.js';
import { DEFAULTS, startServer } from './server.js';
import { runMigrateCommand } from './store/migrate-command.js';
import { isStoreChoiceError, openChosenStore, parseStoreChoice } from './store/store-choice.js';

const logger = createJsonLogger({ level: process.env.LOG_LEVEL === 'debug' ? 'debug' : 'info' });

const USAGE = `Cách dùng / usage:
  npm run server -- [--host 127.0.0.1] [--port 1234] [--data ./court-data] [--updates DIR] [--pack-keys FILE] [--idle-unload-ms 30000] [--max-payload 8388608]
  npm run server -- user add --data DIR --court COURT_ID --user NAME --password PW --role clerk|judge|admin [--staff STAFF_ID]
  npm run server -- demo-accounts --data DIR [--court ${DEMO_COURT_ID}]
  PostgreSQL (several instances on one database): add --store postgres --pg-url postgres://USER:PASS@HOST:5432/DB (or COURTDESK_PG_URL) to the first two
  npm run server -- migrate --from-sqlite DIR --pg-url URL   copies a court's SQLite store into PostgreSQL and verifies every document`;

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      host: { type: 'string' },
      port: { type: 'string' },
      data: { type: 'string' },
      updates: { type: 'string' },
      'pack-keys': { type: 'string' },
      'idle-unload-ms': { type: 'string' },
      'max-payload': { type: 'string' },
      court: { type: 'string' },
      user: { type: 'string' },
      password: { type: 'string' },
      role: { type: 'string', multiple: true },
      staff: { type: 'string' },
      store: { type: 'string' },
      'pg-url': { type: 'string' },
      'from-sqlite': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const dataDir = values.data ?? DEFAULTS.dataDir;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const command = positionals.join(' ');
  const storeChoice = parseStoreChoice(values.store, values['pg-url']);
  if (isStoreChoiceError(storeChoice)) {
    logger.error('cli.usage', { ...storeChoice, usage: USAGE });
    return 2;
  }
  if (command === 'migrate') {
    if (!values['from-sqlite'] || storeChoice.kind !== 'postgres') {
      logger.error('cli.usage', { message: 'Thiếu --from-sqlite DIR hoặc --pg-url URL.', messageEn: 'Missing --from-sqlite DIR or --pg-url URL.', usage: USAGE });
      return 2;
    }
    return runMigrateCommand(values['from-sqlite'], storeChoice.url, logger);
  }
  if (command === 'user add') {
    if (!values.court || !values.user || !values.password || !values.role) {
      logger.error('cli.usage', { message: 'Thiếu --court, --user, --password hoặc --role.', messageEn: 'Missing --court, --user, --password or --role.', usage: USAGE });
      return 2;
    }
    const store = await openChosenStore(storeChoice, dataDir);
    try {
      const roles = values.role.flatMap((role) => role.split(','));
      const result = await addAccount(store, { court: values.court, user: values.user, password: values.password, roles, ...(values.staff ? { staffId: values.staff } : {}) });
      if (!result.ok) {
        logger.error('user.add.refused', { code: result.error.code, message: result.error.messageVi, messageEn: result.error.messageEn });
        return 1;
      }
      logger.info(result.value.created ? 'user.created' : 'user.updated', { court: values.court, user: values.user, roles, ...(values.staff ? { staffId: values.staff } : {}) });
      return 0;
    } finally {
      await store.close();
    }
  }
  if (command === 'demo-accounts') {
    const court = values.court ?? DEMO_COURT_ID;
    for (const account of await seedDemoAccounts(dataDir, court)) {
      logger.info('user.demo', { court, user: account.user, password: account.password, role: account.role });
    }
    return 0;
  }
  if (command !== '') {
    logger.error('cli.usage', { message: `Lệnh không rõ: ${command}`, messageEn: `Unknown command: ${command}`, usage: USAGE });
    return 2;
  }
  const server = await startServer({
    host: values.host ?? DEFAULTS.host,
    port: toInt(values.port, DEFAULTS.port, 'port'),
    dataDir,
    ...(values.updates ? { updatesDir: values.updates } : {}),
    ...(values['pack-keys'] ? { packKeysFile: values['pack-keys'] } : {}),
    ...(storeChoice.kind === 'postgres' ? { postgres: { url: storeChoice.url } } : {}),
    logger,
    idleUnloadMs: toInt(values['idle-unload-ms'], DEFAULTS.idleUnloadMs, 'idle-unload-ms'),
    maxPayload: toInt(values['max-payload'], DEFAULTS.maxPayload, 'max-payload'),
  });
  await new Promise<void>((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      logger.info('server.signal', { signal });
      resolve();
    };
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  });
  await server.close();
  return 0;
}

function toInt(raw: string | undefined, fallback: number, name: string): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`--${name} must be a non-negative integer, got ${raw}`);
  return value;
}

// A stray rejection is a bug to log, not a reason to drop every client's unsaved edits.
process.on('unhandledRejection', (reason) => logger.error('process.unhandledRejection', errorFields(reason)));

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    logger.error('server.failed', errorFields(error));
    process.exit(1);
  },
);
