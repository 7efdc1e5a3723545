/**
 * Cài đặt: language, what the local replica holds, rebuilding the projection, and importing a
 * court data file with a progress bar. Nothing here deletes data.
 */
import { useEffect, useId, useState } from 'react';
import { CourtFileSchema } from '../../../shared/domain/schemas.js';
import { validate } from '../../../shared/domain/validate.js';
import type { ImportProgress, RebuildReport } from '../../replica/types.js';
import { LANGUAGES, type Language } from '../../i18n/translate.js';
import { setLanguage, useI18n } from '../../i18n/language.js';
import { formatTimestamp } from '../../i18n/dates.js';
import { useReplica } from '../../app/replica-context.js';
import { bridge, type BridgeInfo } from '../../bridge/index.js';
import { errorMessageVi } from '../../app/boot.js';
import { SyncSettings } from '../../sync/ui/SyncSettings.js';
import { DeviceKeyCard } from '../../signing/DeviceKeyCard.js';
import { PacksSettings } from '../../packs/PacksSettings.js';
import { DesktopServiceCards } from '../../backup/DesktopServiceCards.js';
import { RemindersSettingsCard } from '../../reminders/RemindersSettingsCard.js';

type ImportState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'reading' }
  | { readonly kind: 'importing'; readonly progress: ImportProgress }
  | { readonly kind: 'done'; readonly imported: number; readonly skipped: number }
  | { readonly kind: 'failed'; readonly message: string };

type RebuildState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'running'; readonly progress?: ImportProgress }
  | { readonly kind: 'done'; readonly report: RebuildReport }
  | { readonly kind: 'failed'; readonly message: string };

export function SettingsScreen() {
  const { t, language, count } = useI18n();
  const { replica, info } = useReplica();
  const uid = useId();
  const [platform, setPlatform] = useState<BridgeInfo | null>(null);
  const [rebuild, setRebuild] = useState<RebuildState>({ kind: 'idle' });
  const [importState, setImportState] = useState<ImportState>({ kind: 'idle' });

  useEffect(() => {
    let cancelled = false;
    bridge.getInfo().then(
      (value) => {
        if (!cancelled) setPlatform(value);
      },
      (error: unknown) => console.error('Bridge info failed', error),
    );
    return () => {
      cancelled = true;
    };
  }, []);

  const runRebuild = async () => {
    setRebuild({ kind: 'running' });
    try {
      const report = await replica.rebuildProjection((progress) => setRebuild({ kind: 'running', progress }));
      setRebuild({ kind: 'done', report });
    } catch (error) {
      setRebuild({ kind: 'failed', message: errorMessageVi(error) });
    }
  };

  const runImport = async (file: File) => {
    setImportState({ kind: 'reading' });
    let json: unknown;
    try {
      json = JSON.parse(await file.text());
    } catch {
      setImportState({ kind: 'failed', message: t('settings.importNotJson') });
      return;
    }
    const parsed = validate(CourtFileSchema, json, 'courtFile.invalid');
    if (!parsed.ok) {
      setImportState({ kind: 'failed', message: t('settings.importFailed', { message: language === 'vi' ? parsed.error.messageVi : parsed.error.messageEn }) });
      return;
    }
    try {
      setImportState({ kind: 'importing', progress: { done: 0, total: parsed.value.cases.length } });
      const report = await replica.importCourtFile(parsed.value, (progress) => setImportState({ kind: 'importing', progress }));
      setImportState({ kind: 'done', imported: report.imported, skipped: report.skipped });
    } catch (error) {
      setImportState({ kind: 'failed', message: t('settings.importFailed', { message: errorMessageVi(error) }) });
    }
  };

  const busy = importState.kind === 'reading' || importState.kind === 'importing';
  return (
    <section className="screen settings" aria-labelledby="settings-title">
      <div className="screen-head">
        <h1 id="settings-title">{t('settings.title')}</h1>
      </div>
      <div className="settings-grid">
        <SyncSettings />
        <DeviceKeyCard />
        <PacksSettings />
        <DesktopServiceCards />
        <RemindersSettingsCard />
        <section className="card">
          <h2>{t('settings.language')}</h2>
          <div className="segmented" role="radiogroup" aria-label={t('settings.language')}>
            {LANGUAGES.map((lang: Language) => (
              <label key={lang} className="check">
                <input type="radio" name={`${uid}-lang`} checked={language === lang} onChange={() => setLanguage(lang)} />
                {t(lang === 'vi' ? 'settings.language.vi' : 'settings.language.en')}
              </label>
            ))}
          </div>
        </section>

        <section className="card">
          <h2>{t('settings.replica')}</h2>
          <dl className="facts" data-testid="replica-info">
            <div>
              <dt>{t('settings.court')}</dt>
              <dd>{info.court?.name ?? t('settings.noCourt')}</dd>
            </div>
            <div>
              <dt>{t('settings.caseCount')}</dt>
              <dd>{count(info.caseCount)}</dd>
            </div>
            <div>
              <dt>{t('settings.staffCount')}</dt>
              <dd>{count(info.staff.length)}</dd>
            </div>
            {info.demoLoadedAt ? (
              <div>
                <dt>{t('settings.demoLoadedAt')}</dt>
                <dd>{formatTimestamp(info.demoLoadedAt)}</dd>
              </div>
            ) : null}
            {platform ? (
              <>
                <div>
                  <dt>{t('settings.platform')}</dt>
                  <dd>{t(platform.platform === 'desktop' ? 'settings.platform.desktop' : 'settings.platform.web')}</dd>
                </div>
                <div>
                  <dt>{t('settings.version')}</dt>
                  <dd>{platform.version}</dd>
                </div>
              </>
            ) : null}
          </dl>
        </section>

        <section className="card">
          <h2>{t('settings.rebuild')}</h2>
          <p className="subtle">{t('settings.rebuildHint')}</p>
          <button type="button" className="button" onClick={() => void runRebuild()} disabled={rebuild.kind === 'running'} data-testid="rebuild">
            {t('settings.rebuild')}
          </button>
          <div role="status" className="subtle">
            {rebuild.kind === 'running' ? (
              rebuild.progress ? (
                <>
                  <p>{t('settings.rebuildProgress', { done: rebuild.progress.done, total: rebuild.progress.total })}</p>
                  <progress max={Math.max(rebuild.progress.total, 1)} value={rebuild.progress.done} />
                </>
              ) : (
                <p>{t('settings.rebuilding')}</p>
              )
            ) : null}
            {rebuild.kind === 'done' ? <p>{t('settings.rebuilt', { count: rebuild.report.rebuilt })}</p> : null}
            {rebuild.kind === 'done' && rebuild.report.failed.length ? (
              <p className="form-error">{t('settings.rebuildFailed', { count: rebuild.report.failed.length, ids: rebuild.report.failed.slice(0, 10).join(', ') })}</p>
            ) : null}
            {rebuild.kind === 'failed' ? <p className="form-error">{rebuild.message}</p> : null}
          </div>
        </section>

        <section className="card">
          <h2>{t('settings.import')}</h2>
          <p className="subtle">{t('settings.importHint')}</p>
          <label className="button file-button">
            {t('settings.importChoose')}
            <input
              type="file"
              accept="application/json,.json"
              className="visually-hidden"
              disabled={busy}
              data-testid="import-file"
              onChange={(event) => {
                const file = event.target.files?.[0];
                event.target.value = '';
                if (file) void runImport(file);
              }}
            />
          </label>
          <div role="status" className="import-status">
            {importState.kind === 'reading' ? <p>{t('settings.importReading')}</p> : null}
            {importState.kind === 'importing' ? (
              <>
                <p>{t('settings.importProgress', { done: importState.progress.done, total: importState.progress.total })}</p>
                <progress max={Math.max(importState.progress.total, 1)} value={importState.progress.done} />
              </>
            ) : null}
            {importState.kind === 'done' ? <p>{t('settings.importDone', { imported: importState.imported, skipped: importState.skipped })}</p> : null}
            {importState.kind === 'failed' ? <p className="form-error">{importState.message}</p> : null}
          </div>
        </section>

        <section className="card">
          <h2>{t('settings.shortcuts')}</h2>
          <p>{t('keys.help')}</p>
        </section>
      </div>
    </section>
  );
}
