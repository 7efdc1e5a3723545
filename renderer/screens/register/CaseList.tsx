/**
 * The virtualised register list: only the visible rows are in the DOM, so 20,000 cases scroll as
 * smoothly as 20. Keyboard: the list is one focus stop (a listbox); arrows, Page Up/Down, Home/End
 * move the active row, Enter opens it.
 */
import { useEffect, useImperativeHandle, useRef, useState, type CSSProperties, type Ref } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { CaseRow } from '../../replica/types.js';
import { useI18n } from '../../i18n/language.js';
import { useReplica } from '../../app/replica-context.js';
import { CaseStatusBadge, TypeBadge } from '../../components/Badges.js';
import { formatDateTime } from '../../i18n/dates.js';
import type { CasePages } from './useCasePages.js';

const ROW_HEIGHT = 58;

export interface CaseListHandle {
  focus(): void;
  openActive(): void;
}

export interface CaseListProps {
  readonly pages: CasePages;
  readonly onOpen: (caseId: string) => void;
  /** Changes when the search or filters change: the active row goes back to the top. */
  readonly searchKey: string;
  readonly ref?: Ref<CaseListHandle>;
}

export function CaseList({ pages, onOpen, searchKey, ref }: CaseListProps) {
  const { t } = useI18n();
  const { staffById } = useReplica();
  const scrollRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  const [activeFor, setActiveFor] = useState(searchKey);
  if (activeFor !== searchKey) {
    setActiveFor(searchKey);
    setActive(0);
  }

  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual returns fresh functions each render by design; nothing here is memoised on them.
  const virtualizer = useVirtualizer({
    count: pages.total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const lastVisible = items.length ? items[items.length - 1]!.index : 0;
  const { ensureLoaded } = pages;
  useEffect(() => {
    ensureLoaded(lastVisible + 50);
  }, [lastVisible, ensureLoaded]);

  const move = (index: number) => {
    if (pages.total === 0) return;
    const next = Math.max(0, Math.min(pages.total - 1, index));
    setActive(next);
    ensureLoaded(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };
  const openAt = (index: number) => {
    const row = pages.rows[index];
    if (row) onOpen(row.id);
  };

  useImperativeHandle(ref, () => ({
    focus: () => {
      scrollRef.current?.focus();
    },
    openActive: () => openAt(Math.min(active, Math.max(pages.rows.length - 1, 0))),
  }));

  if (pages.ready && pages.total === 0) {
    return (
      <div className="empty-state" data-testid="register-empty">
        <p className="empty-title">{t('register.empty')}</p>
        <p>{t('register.emptyHint')}</p>
      </div>
    );
  }

  const activeRow = pages.rows[active];
  return (
    <div className="case-list">
      <div className="case-list-head" aria-hidden="true">
        <span>{t('register.col.number')}</span>
        <span>{t('register.col.subject')}</span>
        <span>{t('register.col.judge')}</span>
        <span>{t('register.col.status')}</span>
        <span>{t('register.col.nextHearing')}</span>
      </div>
      <div
        ref={scrollRef}
        id="case-list"
        className="case-list-scroll"
        role="listbox"
        tabIndex={0}
        aria-label={t('register.listLabel')}
        aria-activedescendant={activeRow ? `case-row-${activeRow.id}` : undefined}
        onKeyDown={(event) => {
          const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? ROW_HEIGHT * 10) / ROW_HEIGHT) - 1);
          const moves: Record<string, number> = { ArrowDown: active + 1, ArrowUp: active - 1, PageDown: active + page, PageUp: active - page, Home: 0, End: pages.total - 1 };
          const target = moves[event.key];
          if (target !== undefined) {
            event.preventDefault();
            move(target);
          } else if (event.key === 'Enter') {
            event.preventDefault();
            openAt(active);
          }
        }}
      >
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const row = pages.rows[item.index];
            const style = { height: item.size, transform: `translateY(${item.start}px)` };
            if (!row) {
              return <div key={item.key} className="case-row placeholder" style={style} aria-hidden="true" />;
            }
            return (
              <CaseListRow
                key={row.id}
                row={row}
                style={style}
                active={item.index === active}
                judgeName={staffById.get(row.judgeId)?.name ?? ''}
                onClick={() => {
                  setActive(item.index);
                  onOpen(row.id);
                }}
                index={item.index}
                total={pages.total}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}

interface RowProps {
  readonly row: CaseRow;
  readonly style: CSSProperties;
  readonly active: boolean;
  readonly judgeName: string;
  readonly onClick: () => void;
  readonly index: number;
  readonly total: number;
}

function CaseListRow({ row, style, active, judgeName, onClick, index, total }: RowProps) {
  const { t } = useI18n();
  return (
    <div
      id={`case-row-${row.id}`}
      className={active ? 'case-row active' : 'case-row'}
      role="option"
      aria-selected={active}
      aria-posinset={index + 1}
      aria-setsize={total}
      data-testid="case-row"
      data-case-id={row.id}
      style={style}
      onClick={onClick}
    >
      <span className="cell-number">
        <span className="case-number">{row.acceptanceNumber}</span>
        <TypeBadge type={row.type} />
      </span>
      <span className="cell-subject">
        <span className="subject" title={row.subject}>
          {row.subject}
        </span>
        <span className="parties" title={row.partySummary}>
          {row.partySummary}
        </span>
      </span>
      <span className="cell-judge">{judgeName || t('common.notSet')}</span>
      <span className="cell-status">
        <CaseStatusBadge status={row.status} />
      </span>
      <span className="cell-hearing">{row.nextHearingAt ? formatDateTime(row.nextHearingAt) : '—'}</span>
    </div>
  );
}
