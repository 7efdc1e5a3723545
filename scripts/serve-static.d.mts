// Types for scripts/serve-static.mjs, so TypeScript callers (bench, tests) stay strict.
export declare const MIME_TYPES: Readonly<Record<string, string>>;
export declare function contentTypeOf(filePath: string): string;
export type ParsedRequestPath =
  | { readonly ok: true; readonly segments: string[]; readonly trailingSlash: boolean }
  | { readonly ok: false; readonly status: 400 | 403 | 404 };
export declare function parseRequestPath(rawUrl: string | undefined): ParsedRequestPath;
export interface ServeStaticOptions {
  /** The folder served at `/`. */
  readonly root: string;
  /** 0 picks a free port. */
  readonly port: number;
  readonly host?: string;
  /** More folders under a path prefix, e.g. `{ '/bench/': 'out/bench' }`. */
  readonly mounts?: Readonly<Record<string, string>>;
}
export interface StaticServer {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}
export declare function serveStatic(options: ServeStaticOptions): Promise<StaticServer>;
export declare function portInUseMessage(port: number): string;
