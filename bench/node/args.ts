/** Command-line options of `npm run bench -- …`. */

export interface BenchOptions {
  /** Cases in the generated court (20,000 is the DESIGN §6 size). */
  readonly cases: number;
  readonly seed: number;
  /** The demo generator's "today" (fixed, so every run generates the same court). */
  readonly today: string;
  readonly build: boolean;
  readonly openCaseSamples: number;
  readonly searchQueries: number;
  readonly coldStartRuns: number;
  /** Where the app shows the register (hash route), for the cold-start scenario. */
  readonly appPath: string;
  /** Raw IndexedDB chunk size of the import baseline. */
  readonly baselineChunk: number;
  /** Only the catch-up scenarios (sync issue), skipping import/open/search/cold start. */
  readonly syncOnly: boolean;
  /** Only the editor scenarios (keystroke to paint, open a judgment). */
  readonly editorOnly: boolean;
}

export const DEFAULT_OPTIONS: BenchOptions = {
  cases: 20_000,
  seed: 20251128,
  today: '2025-11-28',
  build: true,
  openCaseSamples: 50,
  searchQueries: 200,
  coldStartRuns: 3,
  appPath: '#/cases',
  baselineChunk: 1000,
  syncOnly: false,
  editorOnly: false,
};

export const USAGE = `Cách dùng — usage: npm run bench -- [--quick] [--cases N] [--seed N] [--no-build] [--app-path '#/cases']
  --quick      2.000 vụ án, chạy thử nhanh — a 2,000-case smoke run
  --cases N    số vụ án — cases in the generated court (default 20000)
  --no-build   dùng out/web và out/bench đã build — reuse the existing builds
  --sync-only  chỉ đo đồng bộ (catch-up) — only the catch-up scenarios
  --editor-only chỉ đo trình soạn thảo — only the editor scenarios`;

/** Parses argv; returns an error text (Vietnamese first) for anything it does not understand. */
export function parseBenchArgs(argv: readonly string[]): { ok: true; options: BenchOptions } | { ok: false; message: string } {
  let options: BenchOptions = DEFAULT_OPTIONS;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string | undefined => inline ?? argv[++i];
    const int = (name: string): number | string => {
      const text = value();
      const n = Number(text);
      return Number.isInteger(n) && n > 0 ? n : `${name} cần một số nguyên dương — ${name} needs a positive integer (got ${text ?? 'nothing'})`;
    };
    switch (flag) {
      case '--quick':
        options = { ...options, cases: 2000 };
        break;
      case '--cases': {
        const n = int('--cases');
        if (typeof n === 'string') return { ok: false, message: n };
        options = { ...options, cases: n };
        break;
      }
      case '--seed': {
        const n = int('--seed');
        if (typeof n === 'string') return { ok: false, message: n };
        options = { ...options, seed: n };
        break;
      }
      case '--no-build':
        options = { ...options, build: false };
        break;
      case '--sync-only':
        options = { ...options, syncOnly: true };
        break;
      case '--editor-only':
        options = { ...options, editorOnly: true };
        break;
      case '--app-path': {
        const path = value();
        if (!path) return { ok: false, message: '--app-path cần một giá trị — --app-path needs a value' };
        options = { ...options, appPath: path };
        break;
      }
      case '--help':
      case '-h':
        return { ok: false, message: USAGE };
      default:
        return { ok: false, message: `Tham số không hợp lệ — unknown argument: ${arg}\n${USAGE}` };
    }
  }
  return { ok: true, options };
}

/**
 * A positive integer flag of a Node bench (`--cases 2000`), or `fallback` when absent; anything
 * else ends the process with exit code 2 and a one-line message.
 */
export function positiveIntOption(name: string, fallback: number, argv: readonly string[] = process.argv): number {
  const index = argv.indexOf(name);
  const raw = index > 0 ? argv[index + 1] : undefined;
  const value = raw === undefined ? fallback : Number(raw);
  if (!Number.isSafeInteger(value) || value < 1) {
    console.error(`Lỗi: ${name} phải là số nguyên dương / Error: ${name} must be a positive integer`);
    process.exit(2);
  }
  return value;
}
