/**
 * "Soạn văn bản" beside a template in the case file: creates the draft pre-filled from the case
 * (create-document.ts, loaded on demand with the editor's schema) and opens it in the editor.
 * The draft is then listed in the case file's documents.
 */
import { useState } from 'react';
import type { Case } from '../../shared/domain/schemas.js';
import type { DocNode, Template } from '../../shared/templates/model.js';
import { useReplica } from '../app/replica-context.js';
import { navigate } from '../app/navigation.js';
import { useI18n } from '../i18n/language.js';
import { useSync } from '../sync/ui/SyncProvider.js';
import { documentRouteHash } from './links.js';

export function ComposeButton({ caseData, template, render }: { readonly caseData: Case; readonly template: Template; readonly render: () => DocNode | undefined }) {
  const { t, language } = useI18n();
  const { replica } = useReplica();
  const { sessions } = useSync();
  const [state, setState] = useState<{ kind: 'idle' } | { kind: 'busy' } | { kind: 'failed'; message: string }>({ kind: 'idle' });

  const compose = async () => {
    const rendered = render();
    if (!rendered) return;
    setState({ kind: 'busy' });
    try {
      const { createCaseDocument, newDocumentId, documentStore } = await import('./editor-chunk.js');
      const created = await createCaseDocument(replica, await documentStore(), {
        kase: caseData,
        template,
        rendered,
        user: sessions.load()?.user ?? '',
        now: new Date().toISOString(),
        newId: newDocumentId,
      });
      if (!created.ok) {
        setState({ kind: 'failed', message: language === 'vi' ? created.error.messageVi : created.error.messageEn });
        return;
      }
      navigate(documentRouteHash(caseData.id, created.value));
    } catch (cause) {
      setState({ kind: 'failed', message: String(cause) });
    }
  };

  return (
    <>
      <button type="button" className="button small primary" onClick={() => void compose()} disabled={state.kind === 'busy'} data-testid="template-compose">
        {state.kind === 'busy' ? t('editor.composing') : t('editor.compose')}
      </button>
      {state.kind === 'failed' ? (
        <span className="inline-error" role="alert">
          {t('editor.composeFailed', { message: state.message })}
        </span>
      ) : null}
    </>
  );
}
