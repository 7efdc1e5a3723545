/**
 * A version beside the current text, each run coloured by the account that wrote it (the doc's
 * PermanentUserData, shared/drafting/authors.ts) and each paragraph that differs outlined.
 */
import { useMemo } from 'react';
import type * as Y from 'yjs';
import { attributedBlocks, type AttributedBlock } from '../../shared/drafting/authors.js';
import { canonicalContent } from '../../shared/drafting/canonical.js';
import { diffBlocks } from '../../shared/drafting/content-diff.js';
import type { VersionEntry } from '../../shared/drafting/document-doc.js';
import { docAtVersion } from '../../shared/drafting/versions.js';
import { useI18n } from '../i18n/language.js';

interface Side {
  readonly blocks: readonly AttributedBlock[];
  /** 1-based indexes of blocks that differ from the other side. */
  readonly changed: ReadonlySet<number>;
}

export function CompareView({ doc, version, tick }: { readonly doc: Y.Doc; readonly version: VersionEntry; readonly tick: number }) {
  const { t } = useI18n();
  const sides = useMemo(() => {
    const old = docAtVersion(doc, version);
    if (!old) return undefined;
    try {
      const changes = diffBlocks(canonicalContent(old).blocks, canonicalContent(doc).blocks);
      const left = new Set<number>();
      const right = new Set<number>();
      for (const c of changes) {
        if (c.kind === 'removed') left.add(c.index);
        if (c.kind === 'added') right.add(c.index);
        if (c.kind === 'changed') {
          left.add(c.beforeIndex);
          right.add(c.afterIndex);
        }
      }
      return { version: { blocks: attributedBlocks(old, doc), changed: left }, current: { blocks: attributedBlocks(doc), changed: right } };
    } finally {
      old.destroy();
    }
    // `tick`: recompute when the doc changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [doc, version, tick]);

  if (!sides) return <p className="form-error">{t('signing.history.unavailable')}</p>;
  const authors = [...new Set([...sides.version.blocks, ...sides.current.blocks].flatMap((b) => b.runs.map((r) => r.author ?? '')))].filter(Boolean).sort();
  const colour = (author: string | undefined) => (author === undefined ? 'cd-author-none' : `cd-author-${authors.indexOf(author) % 5}`);
  const column = (side: Side, title: string, testId: string) => (
    <div data-testid={testId}>
      <h4>{title}</h4>
      {side.blocks.map((block, i) => (
        <p key={i} className={side.changed.has(i + 1) ? 'cd-changed-block' : undefined} title={side.changed.has(i + 1) ? t('signing.history.changedBlock') : undefined}>
          {block.runs.map((run, j) => (
            <span key={j} className={colour(run.author)} title={run.author ?? t('signing.history.unknownAuthor')} data-author={run.author ?? ''}>
              {run.text}
            </span>
          ))}
        </p>
      ))}
    </div>
  );
  return (
    <section data-testid="history-compare-view">
      <p className="subtle">
        {t('signing.history.authors', { names: authors.map((a) => a).join(', ') || t('signing.history.unknownAuthor') })}
        {authors.map((a) => (
          <span key={a} className={colour(a)}>
            {' '}
            {a}{' '}
          </span>
        ))}
      </p>
      <div className="cd-compare">
        {column(sides.version, t('signing.history.versionSide', { label: version.label }), 'history-version-side')}
        {column(sides.current, t('signing.history.currentSide'), 'history-current-side')}
      </div>
    </section>
  );
}
