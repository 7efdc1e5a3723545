/**
 * Loads the register page by page as the virtual list scrolls: the first page at once, the next
 * when the visible window nears the end of what is loaded. A newer query makes older answers
 * stale (they are dropped), and a replica change reloads what is on screen.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CaseFilter, CaseRow, CaseSort } from '../../replica/types.js';
import { useReplica } from '../../app/replica-context.js';
import { PAGE_SIZE, registerQueryKey, takeEarlyPage } from './first-page.js';


export interface CasePages {
  readonly rows: readonly CaseRow[];
  readonly total: number;
  /** False until the first answer for the current query arrives. */
  readonly ready: boolean;
  readonly error?: string;
  /** Asks for rows up to `index` (inclusive). */
  readonly ensureLoaded: (index: number) => void;
}

interface Loaded {
  readonly key: string;
  readonly rows: readonly CaseRow[];
  readonly total: number;
  readonly error?: string;
}

export function useCasePages(filter: CaseFilter, sort: CaseSort): CasePages {
  const { replica } = useReplica();
  const key = registerQueryKey(filter, sort);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [version, setVersion] = useState(0);
  const loadingMore = useRef(false);
  // The filter object is rebuilt every render; the key is the identity that matters.
  const filterRef = useRef({ filter, sort, key });
  useEffect(() => {
    filterRef.current = { filter, sort, key };
  });

  useEffect(() => replica.subscribe(() => setVersion((v) => v + 1)), [replica]);

  useEffect(() => {
    let cancelled = false;
    const { filter: f, sort: s } = filterRef.current;
    const keepLoaded = loaded?.key === key ? Math.max(loaded.rows.length, PAGE_SIZE) : PAGE_SIZE;
    (takeEarlyPage(replica, key, 0, keepLoaded) ?? replica.listCases(f, s, 0, keepLoaded)).then(
      (page) => {
        if (!cancelled) setLoaded({ key, rows: page.rows, total: page.total });
      },
      (error: unknown) => {
        if (!cancelled) setLoaded({ key, rows: [], total: 0, error: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => {
      cancelled = true;
    };
    // `loaded` is read only to keep the scrolled-in rows on a reload; it must not trigger one.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [replica, key, version]);

  const ensureLoaded = useCallback(
    (index: number) => {
      if (!loaded || loaded.key !== filterRef.current.key || loadingMore.current) return;
      if (index < loaded.rows.length || loaded.rows.length >= loaded.total) return;
      loadingMore.current = true;
      const { filter: f, sort: s, key: k } = filterRef.current;
      replica
        .listCases(f, s, loaded.rows.length, PAGE_SIZE)
        .then((page) => {
          setLoaded((current) =>
            current && current.key === k && current.rows.length === loaded.rows.length
              ? { key: k, rows: [...current.rows, ...page.rows], total: page.total }
              : current,
          );
        })
        .catch((error: unknown) => console.error('Loading more cases failed', error))
        .finally(() => {
          loadingMore.current = false;
        });
    },
    [loaded, replica],
  );

  const current = loaded && loaded.key === key ? loaded : null;
  // While a new query runs, keep showing the previous answer (no flash of an empty list).
  const shown = current ?? loaded;
  return {
    rows: shown?.rows ?? [],
    total: shown?.total ?? 0,
    ready: current !== null,
    ...(shown?.error ? { error: shown.error } : {}),
    ensureLoaded,
  };
}
