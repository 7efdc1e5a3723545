/**
 * The court sync server of `npm start`: seeds the demo accounts and (on first start) the demo
 * court's docs into ./court-data, prints the accounts in one block, then serves on
 * 127.0.0.1:1234 until SIGINT/SIGTERM (flushing every doc before it exits).
 *
 *   node --import tsx scripts/dev-server.ts [--port 1234] [--data ./court-data]
 */
import { parseArgs } from 'node:util';
import { seedDemoAccounts, DEMO_COURT_ID } from '../server/demo-accounts.js';
import { localDay, seedDemoCourt } from '../server/demo-court.js';
import { createJsonLogger } from '../server/log.js';
import { startServer } from '../server/server.js';

const { values } = parseArgs({ options: { port: { type: 'string' }, data: { type: 'string' }, host: { type: 'string' } } });
const port = Number(values.port ?? 1234);
const dataDir = values.data ?? './court-data';
const host = values.host ?? '127.0.0.1';

const court = await seedDemoCourt(dataDir, { today: localDay() });
const accounts = await seedDemoAccounts(dataDir, DEMO_COURT_ID);
// Warnings and errors only: the terminal belongs to the person trying the app.
const server = await startServer({ dataDir, host, port, logger: createJsonLogger({ level: 'warn' }) });

const lines = [
  '┌─ Máy chủ đồng bộ Courtdesk (demo) — Courtdesk sync server (demo)',
  `│  Địa chỉ / URL: ${server.url}   Dữ liệu / data: ${dataDir}`,
  `│  Tòa án / court: ${DEMO_COURT_ID}   ${court.seeded > 0 ? `đã nạp ${court.seeded} vụ án mẫu` : 'dữ liệu đã có, không nạp lại'}`,
  '│  Tài khoản dùng thử / demo accounts:',
  ...accounts.map((a) => `│    ${a.user.padEnd(10)} mật khẩu: ${a.password.padEnd(15)} (${a.labelVi})`),
  '└─ Đăng nhập trong Cài đặt → Đồng bộ. Log in under Settings → Sync.',
];
console.log(lines.join('\n'));

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await server.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
