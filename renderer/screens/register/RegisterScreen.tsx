/**
 * Vụ án: the searchable, filterable register. The search box is debounced (~80 ms) and the list
 * virtualised, so it stays smooth over 20,000 cases. Every filter lives in the URL (replaced, not
 * pushed, so the back button leaves the register instead of undoing keystrokes).
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useI18n } from '../../i18n/language.js';
import { navigate, openCase } from '../../app/navigation.js';
import { toCaseFilter, type RegisterQuery } from './filters.js';
import { useCasePages } from './useCasePages.js';
import { FilterBar } from './FilterBar.js';
import { CaseList, type CaseListHandle } from './CaseList.js';

const SEARCH_DEBOUNCE_MS = 80;

export function RegisterScreen({ query }: { readonly query: RegisterQuery }) {
  const { t, count } = useI18n();
  const [text, setText] = useState(query.query);
  const [debounced, setDebounced] = useState(query.query);
  const [seen, setSeen] = useState(query.query);
  const [written, setWritten] = useState<string | null>(null);
  const listRef = useRef<CaseListHandle>(null);

  // The URL changed under us (hand edit, back/forward): show its query, unless we wrote it.
  if (query.query !== seen) {
    setSeen(query.query);
    if (query.query !== written) {
      setText(query.query);
      setDebounced(query.query);
    }
  }

  useEffect(() => {
    if (text === debounced) return;
    const timer = setTimeout(() => {
      setDebounced(text);
      setWritten(text);
      navigate({ screen: 'cases', query: { ...query, query: text } }, { replace: true });
    }, SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, debounced, query]);

  const effective = useMemo(() => ({ ...query, query: debounced }), [query, debounced]);
  const filter = useMemo(() => toCaseFilter(effective), [effective]);
  const pages = useCasePages(filter, effective.sort);

  const update = (patch: Partial<RegisterQuery>) => navigate({ screen: 'cases', query: { ...query, query: text, ...patch } }, { replace: true });

  return (
    <section className="screen register" aria-labelledby="register-title">
      <div className="screen-head">
        <h1 id="register-title">{t('register.title')}</h1>
        <div className="search-wrap">
          <label className="visually-hidden" htmlFor="case-search">
            {t('register.search')}
          </label>
          <input
            id="case-search"
            data-testid="case-search"
            className="search-input"
            type="search"
            autoComplete="off"
            spellCheck={false}
            placeholder={t('register.searchPlaceholder')}
            value={text}
            aria-keyshortcuts="/ Control+K"
            aria-controls="case-list"
            onChange={(event) => setText(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'ArrowDown') {
                event.preventDefault();
                listRef.current?.focus();
              } else if (event.key === 'Enter') {
                event.preventDefault();
                listRef.current?.openActive();
              } else if (event.key === 'Escape' && text) {
                event.preventDefault();
                setText('');
              }
            }}
          />
          <kbd className="search-key" aria-hidden="true">/</kbd>
        </div>
        <p className="match-count" aria-live="polite" data-testid="match-count">
          {pages.ready || pages.total ? t('register.matchCount', { count: count(pages.total) }) : t('common.loading')}
        </p>
      </div>
      <FilterBar query={query} onChange={update} />
      {pages.error ? (
        <p className="inline-error" role="alert">
          {pages.error}
        </p>
      ) : null}
      <CaseList ref={listRef} pages={pages} onOpen={openCase} searchKey={JSON.stringify(filter) + effective.sort} />
    </section>
  );
}
