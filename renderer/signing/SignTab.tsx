/**
 * The signing tab: who must sign and who has (over the current content), the sign button for the
 * logged-in signer's capacity, the finalised banner, and the corrections (đính chính) once final.
 */
import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { canonicalContent } from '../../shared/drafting/canonical.js';
import { metaMap } from '../../shared/drafting/document-doc.js';
import { appendSignature, finaliseIfComplete, isReadOnly, signaturesOf } from '../../shared/drafting/finalisation.js';
import { capacitiesOf, SIGNER_CAPACITY_LABELS, type RequiredSigner } from '../../shared/drafting/signers.js';
import { contentHash, signContent } from '../../shared/drafting/signing.js';
import { recordVersion } from '../../shared/drafting/versions.js';
import { formatTimestamp } from '../i18n/dates.js';
import { useI18n } from '../i18n/language.js';
import type { Session } from '../sync/session.js';
import { CorrectionsList } from './CorrectionsList.js';
import { signerOf } from './device-key.js';
import { getDeviceKey } from './key-db.js';
import { signersOfDoc, type PanelLike } from './signers-of-doc.js';

type SignState = { readonly kind: 'idle' } | { readonly kind: 'busy' } | { readonly kind: 'done' } | { readonly kind: 'failed'; readonly message: string };

export function SignTab({ doc, session, fallbackPanel, tick }: { readonly doc: Y.Doc; readonly session: Session | undefined; readonly fallbackPanel: readonly PanelLike[]; readonly tick: number }) {
  const { t, language } = useI18n();
  const [hash, setHash] = useState<string | undefined>();
  const [state, setState] = useState<SignState>({ kind: 'idle' });
  const required = signersOfDoc(doc, fallbackPanel);
  const readOnly = isReadOnly(doc);
  const signatures = signaturesOf(doc);

  // The hash of the current content: which signatures still hold, and the finalisation of a
  // document whose signatures were made on different devices and met here. Only once something
  // is signed: before that no signature can hold or complete the document, and hashing the whole
  // document after every pause in typing (16–20 ms for 50 pages) delayed the clerk's next keys.
  const anySigned = signatures.length > 0;
  useEffect(() => {
    if (!anySigned) return;
    let cancelled = false;
    void contentHash(canonicalContent(doc)).then((h) => {
      if (cancelled) return;
      setHash(h);
      if (required.ok && !isReadOnly(doc)) finaliseIfComplete(doc, required.value, h, new Date().toISOString());
    });
    return () => {
      cancelled = true;
    };
    // `tick` changes with every update of the doc; `required` is derived from it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [doc, tick, anySigned]);

  const sign = async (signer: RequiredSigner) => {
    if (!session || !required.ok) return;
    setState({ kind: 'busy' });
    try {
      const key = await getDeviceKey(session.court, session.user);
      if (!key?.registeredAt) {
        setState({ kind: 'failed', message: t('signing.noKey') });
        return;
      }
      const now = new Date().toISOString();
      const version = recordVersion(doc, 'signed', session.user, `Ký: ${signer.name} (${SIGNER_CAPACITY_LABELS[signer.capacity].vi})`, now);
      const entry = await signContent(doc, signerOf(key), { user: session.user, staffId: signer.staffId, signerName: signer.name, capacity: signer.capacity }, now, version.id);
      const result = appendSignature(doc, entry, required.value, now);
      setState(result.ok ? { kind: 'done' } : { kind: 'failed', message: language === 'vi' ? result.error.messageVi : result.error.messageEn });
    } catch (error) {
      setState({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  };

  if (!required.ok) {
    return <p className="form-error">{t('signing.panelError', { message: language === 'vi' ? required.error.messageVi : required.error.messageEn })}</p>;
  }
  const mine = capacitiesOf(required.value, session?.staffId);
  const finalisedAt = metaMap(doc).get('finalisedAt');
  return (
    <div className="cd-signing-tab">
      {readOnly ? (
        <p className="cd-signing-final" role="status" data-testid="signing-finalised">
          {t('signing.finalised', { time: typeof finalisedAt === 'string' ? formatTimestamp(finalisedAt) : '' })}
        </p>
      ) : null}
      <h3>{t('signing.required')}</h3>
      <ul className="cd-signers">
        {required.value.map((r) => {
          const own = signatures.filter((s) => s.staffId === r.staffId && s.capacity === r.capacity);
          const current = own.find((s) => s.contentHash === hash);
          const stateName = current ? 'signed' : own.length > 0 ? 'stale' : 'unsigned';
          return (
            <li key={`${r.capacity}:${r.staffId}`} data-testid="signing-signer" data-capacity={r.capacity} data-state={stateName}>
              <strong>{r.name}</strong> <span className="subtle">{language === 'vi' ? SIGNER_CAPACITY_LABELS[r.capacity].vi : SIGNER_CAPACITY_LABELS[r.capacity].en}</span>
              <br />
              <span className={current ? 'cd-ok' : 'subtle'}>
                {current ? t('signing.signedAt', { time: formatTimestamp(current.signedAt) }) : own.length > 0 ? t('signing.staleSignature') : t('signing.notSigned')}
              </span>
            </li>
          );
        })}
      </ul>
      {!readOnly ? (
        <div className="cd-sign-actions">
          {!session ? <p className="subtle">{t('signing.noSession')}</p> : null}
          {session && session.staffId === undefined ? <p className="subtle">{t('signing.noStaff', { user: session.user })}</p> : null}
          {session?.staffId !== undefined && mine.length === 0 ? <p className="subtle">{t('signing.notASigner')}</p> : null}
          {mine.map((r) => {
            const done = signatures.some((s) => s.staffId === r.staffId && s.capacity === r.capacity && s.contentHash === hash);
            return done ? null : (
              <button key={r.capacity} type="button" className="button primary" disabled={state.kind === 'busy' || (anySigned && hash === undefined)} onClick={() => void sign(r)} data-testid="signing-sign">
                {state.kind === 'busy' ? t('signing.signing') : t('signing.signAs', { capacity: language === 'vi' ? SIGNER_CAPACITY_LABELS[r.capacity].vi : SIGNER_CAPACITY_LABELS[r.capacity].en })}
              </button>
            );
          })}
          <div role="status">
            {state.kind === 'done' ? <p className="subtle">{t('signing.signedOk')}</p> : null}
            {state.kind === 'failed' ? <p className="form-error" data-testid="signing-error">{state.message}</p> : null}
          </div>
        </div>
      ) : null}
      <CorrectionsList doc={doc} user={session?.user ?? ''} readOnly={readOnly} />
    </div>
  );
}
