/**
 * "Ký / Xác minh / Lịch sử": the side panel of a document (mounted by the editor screen). Takes
 * the open document's Y.Doc (persisted by its owner: every change made here is an ordinary
 * update that the document store writes and the sync pushes) and, for documents created without
 * a recorded panel, the case's panel.
 *
 * @example
 *   <SigningPanel doc={open.doc} fallbackPanel={kase.panel} />
 */
import { useState } from 'react';
import type * as Y from 'yjs';
import { useI18n } from '../i18n/language.js';
import { useSync } from '../sync/ui/SyncProvider.js';
import { HistoryPanel } from '../history/HistoryPanel.js';
import { SignTab } from './SignTab.js';
import { VerifyTab } from './VerifyTab.js';
import type { PanelLike } from './signers-of-doc.js';
import { useDocTick } from './use-doc-tick.js';
import './signing.css';

type Tab = 'sign' | 'verify' | 'history';

export function SigningPanel({ doc, fallbackPanel }: { readonly doc: Y.Doc; readonly fallbackPanel?: readonly PanelLike[] }) {
  const { t } = useI18n();
  const { sessions } = useSync();
  const session = sessions.load();
  const tick = useDocTick(doc);
  const [tab, setTab] = useState<Tab>('sign');
  const tabs: [Tab, string][] = [
    ['sign', t('signing.tab.sign')],
    ['verify', t('signing.tab.verify')],
    ['history', t('signing.tab.history')],
  ];
  return (
    <aside className="cd-signing card" aria-label={t('signing.panel')} data-testid="signing-panel">
      <div className="cd-signing-tabs" role="tablist">
        {tabs.map(([id, label]) => (
          <button key={id} type="button" role="tab" aria-selected={tab === id} className={tab === id ? 'button small primary' : 'button small'} onClick={() => setTab(id)} data-testid={`signing-tab-${id}`}>
            {label}
          </button>
        ))}
      </div>
      <div role="tabpanel">
        {tab === 'sign' ? <SignTab doc={doc} session={session} fallbackPanel={fallbackPanel ?? []} tick={tick} /> : null}
        {tab === 'verify' ? <VerifyTab doc={doc} session={session} fallbackPanel={fallbackPanel ?? []} tick={tick} /> : null}
        {tab === 'history' ? <HistoryPanel doc={doc} user={session?.user ?? ''} tick={tick} /> : null}
      </div>
    </aside>
  );
}

export default SigningPanel;
