/**
 * Structured logs: one JSON object per line per event (`{"time","level","event",...fields}`), so
 * court IT can grep, ship or count them without a parser. Events are stable dotted names
 * (`ws.closed`, `store.append.failed`); fields carry the details. Nothing here throws: a log line
 * that cannot be serialised is logged as such.
 */

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogFields = Readonly<Record<string, unknown>>;

export interface Logger {
  debug(event: string, fields?: LogFields): void;
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
}

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/**
 * A logger writing JSON lines to `write` (stdout by default), dropping events below `level`.
 *
 * @example
 *   const log = createJsonLogger({ level: 'info' });
 *   log.info('server.listening', { url: 'http://127.0.0.1:1234' });
 */
export function createJsonLogger(options: { level?: LogLevel; write?: (line: string) => void } = {}): Logger {
  const threshold = ORDER[options.level ?? 'info'];
  const write = options.write ?? ((line: string) => void process.stdout.write(line));
  const emit = (level: LogLevel, event: string, fields?: LogFields) => {
    if (ORDER[level] < threshold) return;
    write(`${serialise({ time: new Date().toISOString(), level, event, ...fields })}\n`);
  };
  return {
    debug: (event, fields) => emit('debug', event, fields),
    info: (event, fields) => emit('info', event, fields),
    warn: (event, fields) => emit('warn', event, fields),
    error: (event, fields) => emit('error', event, fields),
  };
}

/** A logger that drops everything (tests that do not look at logs). */
export const silentLogger: Logger = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

/** Error objects as plain fields: `JSON.stringify(new Error())` is `{}`. */
export function errorFields(error: unknown): { error: string; errorName?: string; stack?: string } {
  if (error instanceof Error) return { error: error.message, errorName: error.name, stack: error.stack };
  return { error: String(error) };
}

function serialise(record: Record<string, unknown>): string {
  try {
    return JSON.stringify(record, (_key, value: unknown) => {
      if (value instanceof Error) return errorFields(value);
      if (typeof value === 'bigint') return value.toString();
      if (value instanceof Uint8Array) return `<${value.byteLength} bytes>`;
      return value;
    });
  } catch (error) {
    return JSON.stringify({ time: record.time, level: 'error', event: 'log.unserialisable', original: String(record.event), ...errorFields(error) });
  }
}
