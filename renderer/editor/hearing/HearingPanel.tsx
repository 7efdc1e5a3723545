/**
 * Hearing mode (for the clerk, keyboard first) beside the minutes: the clock, the moments to
 * stamp (each a `hearing.events` entry and a sentence of the minutes), the speakers with their
 * Alt+n keys, the attendance checklist and the quick phrases. The keys themselves are handled
 * in the editor (`onKeyHandler`), so typing never leaves the text.
 */
import { useEffect, useMemo, useState } from 'react';
import type * as Y from 'yjs';
import type { Case } from '../../../shared/domain/schemas.js';
import type { HearingEvent } from '../../../shared/drafting/document-doc.js';
import { DOCUMENT_ROOT } from '../../../shared/drafting/document-doc.js';
import { clockText, eventMoment, momentEvent, momentLabel, momentParagraph, momentsFor, type HearingMoment } from '../../../shared/drafting/hearing-phases.js';
import { recordVersion } from '../../../shared/drafting/versions.js';
import { appendHearingEvent, attendanceParagraphs, readAttendance, readHearingEvents, recordAttendance, summonedPeople } from '../../../shared/drafting/hearing-record.js';
import { hearingSpeakers, turnParagraph, type Speaker, type SpeakerVerb } from '../../../shared/drafting/hearing-speakers.js';
import { useI18n } from '../../i18n/language.js';
import { insertTextAtCursor } from '../commands.js';
import type { DocumentParts } from '../document-parts.js';
import { AttendanceDialog } from './AttendanceDialog.js';
import { hearingKeyAction, momentKeyHint } from './hotkeys.js';
import { paletteItems, type PaletteItem } from './palette-items.js';
import { quickPhraseStore } from './quick-phrases.js';
import { SpeakerPalette } from './SpeakerPalette.js';

/** The minutes' sentence after which the clerk's presence report goes (48-DS and 22-HS). */
const ATTENDANCE_ANCHOR = 'sự có mặt, vắng mặt';

function useHearingRecord(doc: Y.Doc) {
  const [events, setEvents] = useState<HearingEvent[]>(() => readHearingEvents(doc));
  const [attendance, setAttendance] = useState(() => readAttendance(doc));
  useEffect(() => {
    const map = doc.getMap(DOCUMENT_ROOT.hearing);
    const refresh = () => {
      setEvents(readHearingEvents(doc));
      setAttendance(readAttendance(doc));
    };
    map.observeDeep(refresh);
    refresh();
    return () => map.unobserveDeep(refresh);
  }, [doc]);
  return { events, attendance };
}

function useClock(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 10_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

export interface HearingPanelProps {
  /** The page's parts: turns and stamps go after the cursor of the active part (a long minutes grows in parts). */
  readonly parts: DocumentParts | null;
  readonly doc: Y.Doc;
  readonly kase: Case;
  readonly user: string;
  readonly readOnly: boolean;
  /** Receives the key handler the editor calls first on every keydown. */
  readonly onKeyHandler: (handler: ((event: KeyboardEvent) => boolean) | undefined) => void;
  /** The checklist by party id, for the case file's hearing (present/absent). */
  readonly onAttendance: (byPartyId: Record<string, 'present' | 'absent'>) => void;
}

export function HearingPanel({ parts, doc, kase, user, readOnly, onKeyHandler, onAttendance }: HearingPanelProps) {
  const { t } = useI18n();
  const now = useClock();
  const { events, attendance } = useHearingRecord(doc);
  const speakers = useMemo(() => hearingSpeakers(kase), [kase]);
  const people = useMemo(() => summonedPeople(kase), [kase]);
  const moments = useMemo(() => momentsFor(kase.type), [kase.type]);
  // Keyed by user in EditorScreen: a new user gets a new panel, so this store never changes.
  const [phrases] = useState(() => quickPhraseStore(user));
  const [phraseList, setPhraseList] = useState(() => phrases.list());
  const [newPhrase, setNewPhrase] = useState('');
  const [phraseError, setPhraseError] = useState<string | undefined>();
  const [open, setOpen] = useState<'none' | 'palette' | 'attendance'>('none');
  const [lastStamp, setLastStamp] = useState<string | undefined>();

  const turn = (speaker: Speaker, verb: SpeakerVerb = speaker.defaultVerb) => {
    parts?.insertBlocks([turnParagraph(speaker, verb)]);
  };

  const stamp = (moment: HearingMoment) => {
    if (!parts || readOnly) return;
    const at = new Date();
    // Two Yjs transactions (the editor's binding must keep its own origin), written to IndexedDB
    // in the same coalesced batch.
    parts.insertBlocks([momentParagraph(moment, kase.type, at)]);
    appendHearingEvent(doc, momentEvent(moment, at.toISOString(), user));
    if (moment === 'closed') recordVersion(doc, 'hearingClosed', user, undefined, at.toISOString());
    setLastStamp(t('editor.hearing.stamped', { moment: momentLabel(moment, kase.type), time: clockText(at) }));
  };

  const pick = (item: PaletteItem) => {
    setOpen('none');
    if (!parts) return;
    if (item.kind === 'turn') turn(item.speaker, item.verb);
    else insertTextAtCursor(parts.active, item.text);
  };

  const saveAttendance = (rows: Map<string, { present: boolean; note: string }>) => {
    setOpen('none');
    if (!parts || readOnly) return;
    const recordedAt = new Date().toISOString();
    const entries = new Map([...rows].map(([key, row]) => [key, { present: row.present, recordedAt, ...(row.present || row.note.trim() === '' ? {} : { note: row.note.trim() }) }]));
    recordAttendance(doc, entries);
    parts.insertAfterText(ATTENDANCE_ANCHOR, attendanceParagraphs(people, entries));
    onAttendance(Object.fromEntries(people.filter((p) => entries.has(p.key)).map((p) => [p.partyId, entries.get(p.key)!.present ? 'present' : 'absent'])));
  };

  useEffect(() => {
    if (readOnly) {
      onKeyHandler(undefined);
      return;
    }
    onKeyHandler((event) => {
      const action = hearingKeyAction(event, moments);
      if (!action) return false;
      if (action.kind === 'palette') setOpen('palette');
      else if (action.kind === 'moment') stamp(action.moment);
      else {
        const speaker = speakers[action.index];
        if (!speaker) return false;
        turn(speaker);
      }
      return true;
    });
    return () => onKeyHandler(undefined);
  });

  const stampedMoments = new Set(events.map(eventMoment));
  const closed = events.find((e) => e.kind === 'closed');
  return (
    <aside className="cd-hearing card" aria-labelledby="hearing-mode-title" data-testid="hearing-panel">
      <div className="card-head">
        <h2 id="hearing-mode-title">{t('editor.hearing.title')}</h2>
        <span className="cd-clock" aria-label={t('editor.hearing.clock')} data-testid="hearing-clock">
          {clockText(now)}
        </span>
      </div>
      {closed ? <p className="subtle" data-testid="hearing-closed">{t('editor.hearing.closed', { time: clockText(new Date(closed.at)) })}</p> : null}
      <p className="subtle cd-hint">{t('editor.hearing.speakersHint')}</p>

      <h3>{t('editor.hearing.moments')}</h3>
      <div className="cd-moments">
        {moments.map((moment) => (
          <button
            key={moment}
            type="button"
            className={stampedMoments.has(moment) ? 'button small cd-stamped' : 'button small'}
            disabled={readOnly}
            onClick={() => stamp(moment)}
            aria-keyshortcuts={momentKeyHint(moment)}
            data-testid="moment-button"
            data-moment={moment}
            title={momentKeyHint(moment)}
          >
            {momentLabel(moment, kase.type)}
          </button>
        ))}
      </div>
      {lastStamp ? <p className="subtle" role="status" data-testid="last-stamp">{lastStamp}</p> : null}

      <div className="button-row">
        <button type="button" className="button small" disabled={readOnly} onClick={() => setOpen('attendance')} data-testid="attendance-open">
          {t('editor.hearing.attendance')}
        </button>
        {attendance.size > 0 ? <span className="subtle">{t('editor.hearing.attendanceDone', { count: attendance.size })}</span> : null}
      </div>

      <h3>{t('editor.hearing.speakers')}</h3>
      {speakers.length === 0 ? <p className="empty-small">{t('editor.hearing.noSpeakers')}</p> : null}
      <ol className="cd-speakers">
        {speakers.map((speaker, i) => (
          <li key={speaker.key}>
            <button type="button" className="link-button" disabled={readOnly} onClick={() => turn(speaker)} data-testid="speaker-button" data-speaker={speaker.key}>
              {i < 9 ? <kbd>Alt+{i + 1}</kbd> : null} {speaker.label}
            </button>
          </li>
        ))}
      </ol>

      <h3>{t('editor.hearing.phrases')}</h3>
      {phrases.persistent ? null : <p className="subtle">{t('editor.hearing.phrasesSession')}</p>}
      <ul className="cd-phrases">
        {phraseList.map((phrase) => (
          <li key={phrase}>
            <button type="button" className="link-button" disabled={readOnly} onClick={() => parts && insertTextAtCursor(parts.active, phrase)}>
              {phrase}
            </button>
          </li>
        ))}
      </ul>
      <form
        className="cd-add-phrase"
        onSubmit={(e) => {
          e.preventDefault();
          const added = phrases.add(newPhrase);
          if (added.ok) {
            setNewPhrase('');
            setPhraseError(undefined);
            setPhraseList(phrases.list());
          } else {
            setPhraseError(added.messageVi);
          }
        }}
      >
        <input type="text" value={newPhrase} onChange={(e) => setNewPhrase(e.target.value)} aria-label={t('editor.hearing.addPhrase')} placeholder={t('editor.hearing.addPhrase')} data-testid="phrase-input" />
        <button type="submit" className="button small" data-testid="phrase-add">
          {t('editor.hearing.add')}
        </button>
        {phraseError ? <p className="inline-error" role="alert">{phraseError}</p> : null}
      </form>

      {open === 'palette' ? <SpeakerPalette items={paletteItems(speakers, phraseList)} onPick={pick} onClose={() => setOpen('none')} /> : null}
      {open === 'attendance' ? <AttendanceDialog people={people} initial={attendance} onSave={saveAttendance} onClose={() => setOpen('none')} /> : null}
    </aside>
  );
}
