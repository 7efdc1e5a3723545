/**
 * Hồ sơ vụ án: header, participants by role, panel, hearings, documents, and the offline edits
 * (all through replica.editCase with the domain's validated mutations). One dialog at a time.
 */
import { useState } from 'react';
import { removeParty } from '../../../shared/domain/case-mutations.js';
import type { Case, Hearing, Party } from '../../../shared/domain/schemas.js';
import { useI18n } from '../../i18n/language.js';
import { backToRegister } from '../../app/navigation.js';
import { ErrorPanel } from '../../components/ErrorPanel.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { useCase } from './useCase.js';
import { useEdit } from './useEdit.js';
import { CaseHeader } from './CaseHeader.js';
import { PartiesSection } from './PartiesSection.js';
import { DocumentsSection, HearingsSection, PanelSection } from './CaseSections.js';
import { PartyDialog } from './PartyDialog.js';
import { AdjournDialog, OutcomeDialog } from './HearingDialogs.js';
import { StatusDialog } from './StatusDialog.js';
import { PresenceBar } from './PresenceBar.js';
import { DeadlinesSection } from './DeadlinesSection.js';
import { TemplatesSection } from './TemplatesSection.js';
import { PublicationSection } from '../../publication/PublicationSection.js';

type Open =
  | { readonly kind: 'none' }
  | { readonly kind: 'party'; readonly party?: Party }
  | { readonly kind: 'removeParty'; readonly party: Party }
  | { readonly kind: 'outcome'; readonly hearing: Hearing }
  | { readonly kind: 'adjourn'; readonly hearing: Hearing }
  | { readonly kind: 'status' };

export function CaseScreen({ caseId }: { readonly caseId: string }) {
  const { t, language } = useI18n();
  const state = useCase(caseId);
  const runEdit = useEdit(caseId);
  const [open, setOpen] = useState<Open>({ kind: 'none' });
  const close = () => setOpen({ kind: 'none' });

  if (state.kind === 'loading') {
    return (
      <section className="screen" aria-busy="true">
        <p className="subtle" role="status">
          {t('common.loading')}
        </p>
      </section>
    );
  }
  if (state.kind === 'failed') {
    const message = language === 'vi' ? state.error.messageVi : state.error.messageEn;
    return (
      <ErrorPanel
        title={t('error.caseTitle')}
        body={
          <>
            <p>{message}</p>
            <p>{t('error.caseBody')}</p>
          </>
        }
        detail={[`caseId: ${caseId}`, `code: ${state.error.code}`, state.error.detail ?? ''].filter(Boolean).join('\n')}
      />
    );
  }

  const caseData: Case = state.value;
  return (
    <article className="screen case-file" aria-labelledby="case-title" data-testid="case-file" data-load-ms={Math.round(state.loadMs)}>
      <nav className="breadcrumb" aria-label={t('case.title')}>
        <button type="button" className="link-button" onClick={backToRegister} aria-keyshortcuts="Escape">
          ‹ {t('case.back')}
        </button>
      </nav>
      <CaseHeader caseData={caseData} onChangeStatus={() => setOpen({ kind: 'status' })} />
      <PresenceBar caseId={caseId} />
      <div className="case-columns">
        <div className="case-main">
          <PartiesSection
            caseData={caseData}
            onAdd={() => setOpen({ kind: 'party' })}
            onEdit={(party) => setOpen({ kind: 'party', party })}
            onRemove={(party) => setOpen({ kind: 'removeParty', party })}
          />
          <HearingsSection caseData={caseData} onOutcome={(hearing) => setOpen({ kind: 'outcome', hearing })} onAdjourn={(hearing) => setOpen({ kind: 'adjourn', hearing })} />
          <DeadlinesSection caseData={caseData} />
          <TemplatesSection caseData={caseData} />
          <PublicationSection caseData={caseData} runEdit={runEdit} />
        </div>
        <div className="case-side">
          <PanelSection caseData={caseData} />
          <DocumentsSection caseData={caseData} />
          {caseData.notes ? (
            <section className="card">
              <h2>{t('case.notes')}</h2>
              <p className="pre-line">{caseData.notes}</p>
            </section>
          ) : null}
        </div>
      </div>
      {open.kind === 'party' ? <PartyDialog caseData={caseData} party={open.party} runEdit={runEdit} onClose={close} /> : null}
      {open.kind === 'removeParty' ? (
        <ConfirmDialog
          title={t('party.removeLabel', { name: open.party.fullName })}
          message={t('party.removeConfirm', { name: open.party.fullName })}
          confirmLabel={t('common.delete')}
          onConfirm={() => runEdit((doc, ctx) => removeParty(doc, open.party.id, ctx))}
          onClose={close}
        />
      ) : null}
      {open.kind === 'outcome' ? <OutcomeDialog caseData={caseData} hearing={open.hearing} runEdit={runEdit} onClose={close} /> : null}
      {open.kind === 'adjourn' ? <AdjournDialog caseData={caseData} hearing={open.hearing} runEdit={runEdit} onClose={close} /> : null}
      {open.kind === 'status' ? <StatusDialog caseData={caseData} runEdit={runEdit} onClose={close} /> : null}
    </article>
  );
}
