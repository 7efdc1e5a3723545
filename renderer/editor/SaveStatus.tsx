/**
 * "Đã lưu lúc …" in the editor's header. Its own component so that the save notice (one every
 * 250 ms while the clerk types, document-store.ts) re-renders this span only, not the whole
 * editor screen with its hearing and signing panels beside a keystroke in flight.
 */
import type { OpenDocument } from '../replica/document-store.js';
import { useI18n } from '../i18n/language.js';
import { useSaveState } from './use-document.js';

function timeOf(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

export function SaveStatus({ open }: { readonly open: OpenDocument }) {
  const { t, language } = useI18n();
  const save = useSaveState(open);
  return (
    <span className="subtle" role="status" data-testid="editor-save" data-state={save.kind}>
      {save.kind === 'saved' ? t('editor.saved', { time: timeOf(save.at) }) : null}
      {save.kind === 'failed' ? t('editor.saveFailed', { message: language === 'vi' ? save.error.messageVi : save.error.messageEn }) : null}
    </span>
  );
}
