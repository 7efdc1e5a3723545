/**
 * The moments of a hearing the clerk stamps with the time (hearing mode): opening, each phase
 * (thủ tục bắt đầu, xét hỏi / tranh tụng, tranh luận, lời nói sau cùng, nghị án, tuyên án),
 * recesses and closing. Each stamp is a `HearingEvent` in the doc's `hearing.events` AND a
 * sentence in the minutes, worded like the forms (48-DS, 22-HS: "Hội đồng xét xử vào phòng
 * nghị án lúc … giờ … phút", "Phiên tòa kết thúc vào hồi …").
 */
import type { CaseType } from '../domain/vocabulary.js';
import { formatLegalDate } from '../templates/dates.js';
import type { HearingEvent } from './document-doc.js';
import type { EditorJson } from './editor-json.js';

export const HEARING_MOMENTS = [
  'opened',
  'opening',
  'questioning',
  'debate',
  'lastWords',
  'deliberation',
  'pronouncement',
  'recess',
  'resumed',
  'closed',
] as const;
export type HearingMoment = (typeof HEARING_MOMENTS)[number];

/** The button label of each moment (criminal and civil name the questioning phase differently). */
export function momentLabel(moment: HearingMoment, caseType: CaseType): string {
  switch (moment) {
    case 'opened':
      return 'Khai mạc phiên tòa';
    case 'opening':
      return 'Thủ tục bắt đầu phiên tòa';
    case 'questioning':
      return caseType === 'HS' ? 'Xét hỏi' : 'Tranh tụng';
    case 'debate':
      return 'Tranh luận';
    case 'lastWords':
      return 'Lời nói sau cùng';
    case 'deliberation':
      return 'Nghị án';
    case 'pronouncement':
      return 'Tuyên án';
    case 'recess':
      return 'Tạm nghỉ';
    case 'resumed':
      return 'Tiếp tục';
    case 'closed':
      return 'Kết thúc phiên tòa';
  }
}

/** Moments that apply to a case type: the last word of the accused is criminal procedure only. */
export function momentsFor(caseType: CaseType): HearingMoment[] {
  return HEARING_MOMENTS.filter((m) => m !== 'lastWords' || caseType === 'HS');
}

/** "08 giờ 05 phút" of a local Date. */
export function clockText(at: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(at.getHours())} giờ ${pad(at.getMinutes())} phút`;
}

function localDate(at: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

/** The sentence the minutes get for a moment at a local time. */
export function momentSentence(moment: HearingMoment, caseType: CaseType, at: Date): string {
  const t = clockText(at);
  switch (moment) {
    case 'opened':
      return `Thẩm phán - Chủ tọa phiên tòa khai mạc phiên tòa lúc ${t}.`;
    case 'opening':
      return `Tiến hành phần thủ tục bắt đầu phiên tòa lúc ${t}.`;
    case 'questioning':
      return caseType === 'HS' ? `Tiến hành phần xét hỏi lúc ${t}.` : `Tiến hành phần tranh tụng tại phiên tòa lúc ${t}.`;
    case 'debate':
      return `Tiến hành phần tranh luận lúc ${t}.`;
    case 'lastWords':
      return `Bị cáo nói lời nói sau cùng lúc ${t}.`;
    case 'deliberation':
      return `Hội đồng xét xử vào phòng nghị án lúc ${t}.`;
    case 'pronouncement':
      return `Hội đồng xét xử trở lại phòng xử án lúc ${t}; Thẩm phán - Chủ tọa phiên tòa đọc bản án.`;
    case 'recess':
      return `Phiên tòa tạm nghỉ lúc ${t}.`;
    case 'resumed':
      return `Phiên tòa tiếp tục lúc ${t}.`;
    case 'closed':
      return `Phiên tòa kết thúc vào hồi ${t}, ${formatLegalDate(localDate(at)) ?? ''}.`;
  }
}

/** The stamp's paragraph: italic, so the clerk's own text stands apart from the clock. */
export function momentParagraph(moment: HearingMoment, caseType: CaseType, at: Date): EditorJson {
  return {
    type: 'paragraph',
    attrs: { align: 'justify', indentFirstLine: true, spacingBefore: 0 },
    content: [{ type: 'text', text: momentSentence(moment, caseType, at), marks: [{ type: 'italic' }] }],
  };
}

/** The `hearing.events` entry of a moment (document-doc.ts HearingEvent). */
export function momentEvent(moment: HearingMoment, at: string, by: string): HearingEvent {
  switch (moment) {
    case 'opened':
    case 'recess':
    case 'resumed':
    case 'closed':
      return { kind: moment, at, by };
    default:
      return { kind: 'phase', phase: moment, at, by };
  }
}

/** Which moment an event records (the inverse of {@link momentEvent}). */
export function eventMoment(event: HearingEvent): HearingMoment | undefined {
  if (event.kind !== 'phase') return event.kind;
  return event.phase;
}
