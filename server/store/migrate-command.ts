/**
 * The `migrate` command of the server CLI: runs migrate-sqlite-to-pg.ts and prints its summary as
 * JSON lines. Exit code 0 when every document verified, 1 on any mismatch or failure.
 */
import { redactUrl } from '../cluster/backend.js';
import { errorFields, type Logger } from '../log.js';
import { migrateSqliteToPg } from './migrate-sqlite-to-pg.js';

export async function runMigrateCommand(fromSqlite: string, pgUrl: string, logger: Logger): Promise<number> {
  const started = performance.now();
  logger.info('migrate.start', { from: fromSqlite, to: redactUrl(pgUrl) });
  let report;
  try {
    report = await migrateSqliteToPg(fromSqlite, pgUrl, (event, fields) => logger.info(event, fields));
  } catch (error) {
    logger.error('migrate.failed', {
      message: 'Không chuyển được dữ liệu sang PostgreSQL; PostgreSQL không bị thay đổi.',
      messageEn: 'Migration to PostgreSQL failed; PostgreSQL was left unchanged.',
      ...errorFields(error),
    });
    return 1;
  }
  for (const mismatch of report.mismatches.slice(0, 50)) logger.error('migrate.mismatch', { ...mismatch });
  const ok = report.mismatches.length === 0;
  const { mismatches, ...summary } = report;
  (ok ? logger.info : logger.error)('migrate.summary', {
    ...summary,
    mismatches: mismatches.length,
    ms: Math.round(performance.now() - started),
    message: ok ? `Đã chuyển và kiểm tra ${report.verified} tài liệu.` : `${mismatches.length} tài liệu không khớp sau khi chuyển.`,
  });
  return ok ? 0 : 1;
}
