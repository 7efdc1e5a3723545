/**
 * The one failure type of our command-line tools: an exit code and a one-line message in
 * Vietnamese and English (never a stack trace for a user's mistake).
 *
 * Exit codes: 2 = bad arguments or unreadable/unwritable files; 1 = the input was read but is
 * invalid (a tampered pack, a template with errors).
 */
export class CliError extends Error {
  constructor(
    readonly code: 1 | 2,
    readonly vi: string,
    readonly en: string,
  ) {
    super(en);
  }
}

/** Throws a usage error (exit 2). Typed `never` so it can end an expression: `x ?? usage(…)`. */
export function usage(vi: string, en: string): never {
  throw new CliError(2, vi, en);
}

/** The line printed for a CliError. */
export function cliErrorLine(error: CliError): string {
  return `Lỗi: ${error.vi} / Error: ${error.en}`;
}

/** Prints a CliError's line and returns its exit code; anything else is a bug and is rethrown. */
export function exitCodeOf(error: unknown): 1 | 2 {
  if (!(error instanceof CliError)) throw error;
  console.error(cliErrorLine(error));
  return error.code;
}
