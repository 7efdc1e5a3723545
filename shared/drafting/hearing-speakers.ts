/**
 * Who speaks at a hearing, for the clerk's speaker turns (hearing mode): the officers (chủ tọa,
 * thẩm phán, hội thẩm nhân dân, kiểm sát viên) and every party of the case by role and name,
 * counsel and witnesses included, in the order the minutes list them. A turn starts a new
 * paragraph "Chủ tọa hỏi: …", "Bị cáo Nguyễn Văn A trả lời: …" (vn-court-forms.md §1.3–1.4:
 * every question, answer and statement is recorded with its speaker).
 */
import type { Case, PanelMember, Party } from '../domain/schemas.js';
import { PARTY_ROLE_LABELS, roleOrder, type PartyRole } from '../domain/vocabulary.js';
import type { EditorJson } from './editor-json.js';

export const SPEAKER_VERBS = ['hỏi', 'trả lời', 'trình bày'] as const;
export type SpeakerVerb = (typeof SPEAKER_VERBS)[number];

export interface Speaker {
  /** Stable within the case: `panel:<id>` or `party:<id>`. */
  readonly key: string;
  /** How the minutes name the speaker: "Chủ tọa", "Bị cáo Nguyễn Văn A". */
  readonly label: string;
  /** What this speaker usually does: officers and counsel ask, the others answer. */
  readonly defaultVerb: SpeakerVerb;
  readonly group: 'officer' | 'party' | 'counsel' | 'other';
}

const COUNSEL_ROLES: readonly PartyRole[] = ['defenceCounsel', 'legalRightsProtector', 'representative'];
const OTHER_ROLES: readonly PartyRole[] = ['witness', 'attestingWitness', 'expert', 'appraiser', 'interpreter'];

function officerSpeakers(panel: readonly PanelMember[]): Speaker[] {
  const byOrder = [...panel].sort((a, b) => a.order - b.order);
  const prosecutors = byOrder.filter((m) => m.role === 'prosecutor');
  const out: Speaker[] = [];
  for (const m of byOrder.filter((x) => x.role === 'presidingJudge')) out.push({ key: `panel:${m.id}`, label: 'Chủ tọa', defaultVerb: 'hỏi', group: 'officer' });
  for (const m of byOrder.filter((x) => x.role === 'judge')) out.push({ key: `panel:${m.id}`, label: `Thẩm phán ${m.name}`, defaultVerb: 'hỏi', group: 'officer' });
  for (const m of byOrder.filter((x) => x.role === 'assessor')) out.push({ key: `panel:${m.id}`, label: `Hội thẩm nhân dân ${m.name}`, defaultVerb: 'hỏi', group: 'officer' });
  for (const m of prosecutors) {
    // One prosecutor is "Kiểm sát viên", as the minutes write it; several need their names.
    out.push({ key: `panel:${m.id}`, label: prosecutors.length === 1 ? 'Kiểm sát viên' : `Kiểm sát viên ${m.name}`, defaultVerb: 'hỏi', group: 'officer' });
  }
  return out;
}

function partySpeaker(party: Party): Speaker {
  const counsel = COUNSEL_ROLES.includes(party.role);
  return {
    key: `party:${party.id}`,
    label: `${PARTY_ROLE_LABELS[party.role].vi} ${party.fullName}`,
    defaultVerb: counsel && party.role !== 'representative' ? 'hỏi' : 'trả lời',
    group: counsel ? 'counsel' : OTHER_ROLES.includes(party.role) ? 'other' : 'party',
  };
}

/**
 * The speakers of a case's hearing, in the order of the hotkeys (Alt+1…9 take the first nine):
 * officers, then the principal parties, then counsel, then witnesses, experts and interpreters.
 *
 * @example hearingSpeakers(kase)[0] // { key: 'panel:m1', label: 'Chủ tọa', defaultVerb: 'hỏi', … }
 */
export function hearingSpeakers(kase: Case): Speaker[] {
  const order = roleOrder(kase.type);
  const parties = [...kase.parties].sort((a, b) => order.indexOf(a.role) - order.indexOf(b.role) || a.order - b.order).map(partySpeaker);
  const rank = { officer: 0, party: 1, counsel: 2, other: 3 } as const;
  return [...officerSpeakers(kase.panel), ...parties.sort((a, b) => rank[a.group] - rank[b.group])];
}

/** "Chủ tọa hỏi:" — the lead-in of a turn. */
export function turnLeadIn(speaker: Pick<Speaker, 'label'>, verb: SpeakerVerb): string {
  return `${speaker.label} ${verb}:`;
}

/** The paragraph a turn inserts: the lead-in in bold, then a space where the clerk types. */
export function turnParagraph(speaker: Pick<Speaker, 'label'>, verb: SpeakerVerb): EditorJson {
  return {
    type: 'paragraph',
    attrs: { align: 'justify', indentFirstLine: true, spacingBefore: 0 },
    content: [
      { type: 'text', text: turnLeadIn(speaker, verb), marks: [{ type: 'bold' }] },
      { type: 'text', text: ' ' },
    ],
  };
}

/** Palette entries: each speaker with each verb, the default first (type-to-filter searches the text). */
export interface PaletteTurn {
  readonly speaker: Speaker;
  readonly verb: SpeakerVerb;
  readonly text: string;
}

export function paletteTurns(speakers: readonly Speaker[]): PaletteTurn[] {
  return speakers.flatMap((speaker) =>
    [speaker.defaultVerb, ...SPEAKER_VERBS.filter((v) => v !== speaker.defaultVerb)].map((verb) => ({ speaker, verb, text: turnLeadIn(speaker, verb) })),
  );
}
