/**
 * Dates and times in the wording of Vietnamese court documents (vn-court-forms.md §2.1):
 * - body: "ngày 05 tháng 01 năm 2026": a day below 10 and the months 1 and 2 take a leading zero
 *   (NĐ 30/2020 rule), other months do not ("ngày 15 tháng 3 năm 2026");
 * - judgment header: "Ngày: 10 - 3 - 2021", same zero rule;
 * - minutes: "Vào hồi 08 giờ 00 phút, ngày 05 tháng 01 năm 2026".
 *
 * Inputs are the domain's local strings (`YYYY-MM-DD`, `YYYY-MM-DDTHH:mm`): no time zones.
 */

interface DateParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

function parts(localDate: string): DateParts | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(localDate);
  if (!match) return undefined;
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

const pad2 = (n: number): string => String(n).padStart(2, '0');
const dayText = (day: number): string => pad2(day);
const monthText = (month: number): string => (month < 3 ? pad2(month) : String(month));

/** "ngày 05 tháng 01 năm 2026"; undefined for a malformed input. */
export function formatLegalDate(localDate: string): string | undefined {
  const p = parts(localDate);
  return p && `ngày ${dayText(p.day)} tháng ${monthText(p.month)} năm ${p.year}`;
}

/** "10 - 3 - 2021", for the "Ngày:" line of a judgment's header. */
export function formatHeaderDate(localDate: string): string | undefined {
  const p = parts(localDate);
  return p && `${dayText(p.day)} - ${monthText(p.month)} - ${p.year}`;
}

/** "05/01/2026". */
export function formatNumericDate(localDate: string): string | undefined {
  const p = parts(localDate);
  return p && `${pad2(p.day)}/${pad2(p.month)}/${p.year}`;
}

/** Hour and minute of `YYYY-MM-DDTHH:mm` or `HH:mm`, two digits each. */
export function clockParts(value: string): { hour: string; minute: string } | undefined {
  const match = /(?:^|T)(\d{2}):(\d{2})$/.exec(value);
  return match ? { hour: match[1] ?? '', minute: match[2] ?? '' } : undefined;
}

/** "08 giờ 00 phút". */
export function formatClock(value: string): string | undefined {
  const c = clockParts(value);
  return c && `${c.hour} giờ ${c.minute} phút`;
}

/** "Vào hồi 08 giờ 00 phút, ngày 05 tháng 01 năm 2026". */
export function formatOpening(localDateTime: string): string | undefined {
  const clock = formatClock(localDateTime);
  const date = formatLegalDate(localDateTime);
  return clock && date ? `Vào hồi ${clock}, ${date}` : undefined;
}
