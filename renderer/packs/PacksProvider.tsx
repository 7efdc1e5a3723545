/**
 * Packs in the running app: after boot the installed packs are loaded (verified again, compiled);
 * after every successful sync with the court server the pack list is checked and newer packs are
 * installed (check.ts); Settings reads and changes the trusted keys through this context.
 *
 * Hooks into the sync engine only through its public `subscribe`: a catch-up that ends in
 * `synced` (from `syncing`) is "a successful sync". Must sit inside SyncProvider.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';
import type { Result } from '../../shared/domain/result.js';
import type { CourtdeskDb, PackCheckRecord } from '../replica/schema.js';
import { useSync } from '../sync/ui/SyncProvider.js';
import { installedState, installedTemplates, subscribeInstalled, type InstalledState } from './installed.js';
import type { Template } from '../../shared/templates/model.js';
import { lastPackCheck, openPacksDb } from './pack-db.js';
import { addTrustedKey, removeTrustedKey, trustedKeys, type ListedKey } from './trust.js';

export interface PacksState {
  readonly installed: InstalledState;
  readonly lastCheck: PackCheckRecord | undefined;
  readonly checking: boolean;
  readonly keys: readonly ListedKey[];
  /** Set when the packs storage could not be opened (the app works on with built-ins). */
  readonly failure?: string;
  /** Checks the server now (after a login, or from Settings). */
  checkNow(): void;
  addKey(text: string, label: string): Promise<Result<readonly string[]>>;
  removeKey(kid: string): Promise<void>;
}

const PacksContext = createContext<PacksState | null>(null);

/** Loaded after the first screen, like the sync engine (cold start budget, DESIGN §6). */
const LOAD_DELAY_MS = 1_500;

export function PacksProvider({ children }: { readonly children: ReactNode }) {
  const { engine, sessions } = useSync();
  const installed = useSyncExternalStore(subscribeInstalled, installedState);
  const [db, setDb] = useState<CourtdeskDb | undefined>(undefined);
  const [failure, setFailure] = useState<string | undefined>(undefined);
  const [lastCheck, setLastCheck] = useState<PackCheckRecord | undefined>(undefined);
  const [keys, setKeys] = useState<readonly ListedKey[]>([]);
  const [checking, setChecking] = useState(false);
  const running = useRef<Promise<void> | undefined>(undefined);

  const reload = useCallback(async (target: CourtdeskDb) => {
    const { reloadInstalled } = await import('./load-installed.js');
    await reloadInstalled(target);
    setKeys(await trustedKeys(target));
    setLastCheck(await lastPackCheck(target));
  }, []);

  useEffect(() => {
    let cancelled = false;
    const timer = setTimeout(() => {
      openPacksDb()
        .then(async (opened) => {
          if (cancelled) return;
          setDb(opened);
          await reload(opened);
        })
        .catch((error: unknown) => {
          console.error('Packs could not be loaded', error);
          if (!cancelled) setFailure(error instanceof Error ? error.message : String(error));
        });
    }, LOAD_DELAY_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [reload]);

  const checkNow = useCallback(() => {
    const session = sessions.load();
    if (!db || !session || session.token === '' || running.current) return;
    setChecking(true);
    running.current = (async () => {
      try {
        const { checkForPacks } = await import('./check.js');
        const record = await checkForPacks({ db, session });
        if (record.installed.length > 0) await reload(db);
        setLastCheck(record);
      } catch (error) {
        console.error('Pack check failed', error);
      } finally {
        running.current = undefined;
        setChecking(false);
      }
    })();
  }, [db, sessions, reload]);

  useEffect(() => {
    let previous = engine.getStatus().phase;
    // A sync that finished before the packs storage opened still counts.
    if (previous === 'synced') checkNow();
    return engine.subscribe((status) => {
      if (status.phase === 'synced' && previous !== 'synced') checkNow();
      previous = status.phase;
    });
  }, [engine, checkNow]);

  const addKey = useCallback(
    async (text: string, label: string) => {
      if (!db) return { ok: false as const, error: { code: 'packs.notReady', messageVi: 'Kho bộ mẫu chưa sẵn sàng, hãy thử lại sau giây lát.', messageEn: 'Pack storage is not ready yet.' } };
      const result = await addTrustedKey(db, text, label);
      if (result.ok) {
        await reload(db);
        checkNow();
      }
      return result;
    },
    [db, reload, checkNow],
  );

  const removeKey = useCallback(
    async (kid: string) => {
      if (!db) return;
      await removeTrustedKey(db, kid);
      await reload(db);
    },
    [db, reload],
  );

  const value = useMemo<PacksState>(
    () => ({ installed, lastCheck, checking, keys, ...(failure ? { failure } : {}), checkNow, addKey, removeKey }),
    [installed, lastCheck, checking, keys, failure, checkNow, addKey, removeKey],
  );
  return <PacksContext.Provider value={value}>{children}</PacksContext.Provider>;
}

export function usePacks(): PacksState {
  const state = useContext(PacksContext);
  if (!state) throw new Error('usePacks() outside PacksProvider');
  return state;
}

/** The installed packs' templates (every version), re-rendering when a pack is installed. */
export function useInstalledTemplates(): readonly Template[] {
  return useSyncExternalStore(subscribeInstalled, installedTemplates);
}
