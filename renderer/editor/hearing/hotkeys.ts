/**
 * Hearing mode's keys, by physical key (`event.code`) so they work with any Vietnamese input
 * method (Telex, VNI) and keyboard layout:
 *
 * | keys                 | action                                                    |
 * |----------------------|-----------------------------------------------------------|
 * | Alt+1 … Alt+9        | a turn of the 1st … 9th speaker (chủ tọa first)           |
 * | Ctrl+Shift+Space     | the quick palette: any speaker × hỏi/trả lời/trình bày, quick phrases |
 * | Alt+Shift+1 … 9, 0   | stamp a moment: khai mạc, thủ tục bắt đầu, xét hỏi/tranh tụng, tranh luận, lời nói sau cùng, nghị án, tuyên án, tạm nghỉ, tiếp tục, kết thúc |
 *
 * In the editor these win over the app's Alt+1…5 screen switch (the editor handles the key
 * first and marks it handled).
 */
import { HEARING_MOMENTS, type HearingMoment } from '../../../shared/drafting/hearing-phases.js';

export type HearingKeyAction =
  | { readonly kind: 'speaker'; readonly index: number }
  | { readonly kind: 'moment'; readonly moment: HearingMoment }
  | { readonly kind: 'palette' };

export type KeyLike = Pick<KeyboardEvent, 'altKey' | 'ctrlKey' | 'shiftKey' | 'metaKey' | 'code'>;

function digit(code: string): number | undefined {
  const match = /^(?:Digit|Numpad)(\d)$/.exec(code);
  return match ? Number(match[1]) : undefined;
}

/** The moment on Alt+Shift+n: 1 → opened … 9 → resumed, 0 → closed. */
export function momentForDigit(n: number): HearingMoment | undefined {
  return n === 0 ? 'closed' : HEARING_MOMENTS[n - 1];
}

export function hearingKeyAction(event: KeyLike, moments: readonly HearingMoment[]): HearingKeyAction | undefined {
  if (event.metaKey) return undefined;
  if (event.ctrlKey && event.shiftKey && !event.altKey && event.code === 'Space') return { kind: 'palette' };
  if (!event.altKey || event.ctrlKey) return undefined;
  const n = digit(event.code);
  if (n === undefined) return undefined;
  if (!event.shiftKey) return n >= 1 ? { kind: 'speaker', index: n - 1 } : undefined;
  const moment = momentForDigit(n);
  return moment && moments.includes(moment) ? { kind: 'moment', moment } : undefined;
}

/** The hint printed beside a moment's button. */
export function momentKeyHint(moment: HearingMoment): string {
  const index = HEARING_MOMENTS.indexOf(moment);
  return `Alt+Shift+${index === HEARING_MOMENTS.length - 1 ? 0 : index + 1}`;
}
