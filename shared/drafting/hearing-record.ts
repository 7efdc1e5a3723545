/**
 * The hearing record inside a minutes document's Y.Doc (document-doc.ts `hearing` map): the
 * stamped moments (`events`, a Y.Array of plain HearingEvent objects, appended only) and the
 * attendance checklist (`attendance`, a Y.Map personKey → Attendance, one entry per summoned
 * person so two clerks ticking different people merge). The nested types are made when the
 * document is created (`initHearingRecord`), never lazily by two clients at once, which would
 * let one client's list replace the other's.
 */
import * as Y from 'yjs';
import type { Case } from '../domain/schemas.js';
import { PARTY_ROLE_LABELS, roleOrder } from '../domain/vocabulary.js';
import { DOCUMENT_ROOT, type Attendance, type HearingEvent } from './document-doc.js';
import type { EditorJson } from './editor-json.js';

function hearingMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(DOCUMENT_ROOT.hearing);
}

/** Creates the events list and the attendance map (in the creating transaction). */
export function initHearingRecord(doc: Y.Doc): void {
  const map = hearingMap(doc);
  if (!(map.get('events') instanceof Y.Array)) map.set('events', new Y.Array<HearingEvent>());
  if (!(map.get('attendance') instanceof Y.Map)) map.set('attendance', new Y.Map<Attendance>());
}

function eventsArray(doc: Y.Doc): Y.Array<HearingEvent> {
  const value = hearingMap(doc).get('events');
  if (value instanceof Y.Array) return value as Y.Array<HearingEvent>;
  initHearingRecord(doc);
  return hearingMap(doc).get('events') as Y.Array<HearingEvent>;
}

function attendanceYMap(doc: Y.Doc): Y.Map<Attendance> {
  const value = hearingMap(doc).get('attendance');
  if (value instanceof Y.Map) return value as Y.Map<Attendance>;
  initHearingRecord(doc);
  return hearingMap(doc).get('attendance') as Y.Map<Attendance>;
}

export function readHearingEvents(doc: Y.Doc): HearingEvent[] {
  const value = hearingMap(doc).get('events');
  return value instanceof Y.Array ? (value.toArray() as HearingEvent[]) : [];
}

export function appendHearingEvent(doc: Y.Doc, event: HearingEvent, origin?: unknown): void {
  doc.transact(() => eventsArray(doc).push([{ ...event }]), origin);
}

export function readAttendance(doc: Y.Doc): Map<string, Attendance> {
  const value = hearingMap(doc).get('attendance');
  return value instanceof Y.Map ? new Map((value as Y.Map<Attendance>).entries()) : new Map();
}

export function recordAttendance(doc: Y.Doc, entries: ReadonlyMap<string, Attendance>, origin?: unknown): void {
  doc.transact(() => {
    const map = attendanceYMap(doc);
    for (const [key, value] of entries) map.set(key, { ...value });
  }, origin);
}

/** A person summoned to the hearing, for the checklist (key = `party:<id>`). */
export interface SummonedPerson {
  readonly key: string;
  readonly partyId: string;
  /** "Nguyên đơn: Ông Nguyễn Văn An" as the minutes list people. */
  readonly label: string;
}

/** Every party of the case (principals first, then counsel, witnesses…), as the minutes' section I lists them. */
export function summonedPeople(kase: Case): SummonedPerson[] {
  const order = roleOrder(kase.type);
  return [...kase.parties]
    .sort((a, b) => order.indexOf(a.role) - order.indexOf(b.role) || a.order - b.order)
    .map((p) => {
      const title = p.kind === 'organisation' ? '' : p.gender === 'female' ? 'Bà ' : p.gender === 'male' ? 'Ông ' : '';
      return { key: `party:${p.id}`, partyId: p.id, label: `${PARTY_ROLE_LABELS[p.role].vi}: ${title}${p.fullName}` };
    });
}

/** The clerk's report of presence, one paragraph per person: "- Nguyên đơn: Ông A: có mặt." */
export function attendanceParagraphs(people: readonly SummonedPerson[], attendance: ReadonlyMap<string, Attendance>): EditorJson[] {
  return people
    .filter((p) => attendance.has(p.key))
    .map((p) => {
      const entry = attendance.get(p.key)!;
      const note = entry.note?.trim() ? ` (lý do: ${entry.note.trim()})` : '';
      return {
        type: 'paragraph',
        attrs: { align: 'justify', indentFirstLine: true, spacingBefore: 0 },
        content: [{ type: 'text', text: `- ${p.label}: ${entry.present ? 'có mặt' : 'vắng mặt'}${entry.present ? '' : note}.` }],
      };
    });
}
