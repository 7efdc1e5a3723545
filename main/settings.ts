/**
 * Desktop settings kept by main: the update feed and the sync server addresses, as JSON in the
 * user's data folder (`settings.json`), written atomically. Court IT sets the update address at
 * install time (the `publish.url` baked into the package's app-update.yml becomes the default) or
 * later in the settings screen.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { DesktopSettings, SetSettingsRequest } from '../shared/contracts/ipc.js';
import { desktopSettingsSchema, setSettingsRequestSchema } from '../shared/contracts/ipc.js';
import type { Result } from '../shared/domain/result.js';
import { domainError, err, ok } from '../shared/domain/result.js';
import { writeFileAtomic } from './save-file.js';

export const SETTINGS_FILE_NAME = 'settings.json';

/** The placeholder of electron-builder.yml: this machine, so an unconfigured install reaches nothing else. */
export const DEFAULT_SETTINGS: DesktopSettings = Object.freeze({
  updateUrl: 'http://127.0.0.1:1234/updates',
  syncServerUrl: 'ws://127.0.0.1:1234',
});

/**
 * The `url:` of the app-update.yml electron-builder writes into `resources/` from `publish.url`
 * (a flat file of `key: value` lines; no YAML library needed for one key).
 */
export function feedUrlFromAppUpdateYml(text: string): string | undefined {
  const match = /^url:\s*['"]?([^'"\s#]+)['"]?\s*$/m.exec(text);
  return match?.[1];
}

export interface SettingsStoreOptions {
  /** Defaults for fields the file does not hold (e.g. the install-time feed address). */
  readonly defaults?: DesktopSettings;
  readonly write?: (filePath: string, bytes: Uint8Array) => Promise<Result<void>>;
}

type Listener = (settings: DesktopSettings) => void;

export class SettingsStore {
  private readonly defaults: DesktopSettings;
  private readonly write: (filePath: string, bytes: Uint8Array) => Promise<Result<void>>;
  private readonly listeners = new Set<Listener>();
  /** Writes run one after another, so two quick changes never race on the file. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    readonly filePath: string,
    options: SettingsStoreOptions = {},
  ) {
    this.defaults = options.defaults ?? DEFAULT_SETTINGS;
    this.write = options.write ?? ((target, bytes) => writeFileAtomic(target, bytes));
  }

  /** The stored settings over the defaults; a missing or damaged file gives the defaults (logged). */
  async get(): Promise<DesktopSettings> {
    let raw: string;
    try {
      raw = await readFile(this.filePath, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') console.warn(`[settings] cannot read ${this.filePath}`, error);
      return { ...this.defaults };
    }
    try {
      const stored = setSettingsRequestSchema.safeParse(JSON.parse(raw));
      if (stored.success) return { ...this.defaults, ...stored.data };
      console.warn('[settings] ignoring an invalid settings file');
    } catch {
      console.warn('[settings] ignoring a settings file that is not JSON');
    }
    return { ...this.defaults };
  }

  /** Validates and stores a change; listeners (the updater) hear the new settings. */
  set(patch: SetSettingsRequest): Promise<Result<DesktopSettings>> {
    const run = async (): Promise<Result<DesktopSettings>> => {
      const parsed = setSettingsRequestSchema.safeParse(patch);
      if (!parsed.success) {
        return err(domainError('settings.invalid', 'Địa chỉ máy chủ không hợp lệ (cần dạng http://… hoặc https://…).', 'Invalid server address.', parsed.error.message));
      }
      const next = desktopSettingsSchema.parse({ ...(await this.get()), ...parsed.data });
      const written = await this.write(this.filePath, new TextEncoder().encode(`${JSON.stringify(next, null, 2)}\n`));
      if (!written.ok) return written;
      for (const listener of this.listeners) listener(next);
      return ok(next);
    };
    const result = this.queue.then(run, run);
    this.queue = result;
    return result;
  }

  onChange(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/** The store in `userData`, defaulting the feed address to the package's app-update.yml when present. */
export async function openSettingsStore(userDataDir: string, appUpdateYmlPath: string | null): Promise<SettingsStore> {
  let defaults = DEFAULT_SETTINGS;
  if (appUpdateYmlPath) {
    const text = await readFile(appUpdateYmlPath, 'utf8').catch(() => '');
    const url = feedUrlFromAppUpdateYml(text);
    if (url && desktopSettingsSchema.shape.updateUrl.safeParse(url).success) defaults = { ...DEFAULT_SETTINGS, updateUrl: url };
  }
  return new SettingsStore(path.join(userDataDir, SETTINGS_FILE_NAME), { defaults });
}
