/**
 * Books rooms and times for the demo hearings so the calendar looks like a court's: trials in the
 * courtrooms ("Phòng xử án số 1…4") at 07:30, 09:30, 13:30 or 15:00, within the 07:30–16:30 day;
 * mediation and dialogue sessions by the hour in their own rooms; no room used twice at once and
 * no judge in two places in the same half-day. When the wanted day is full the hearing moves to a
 * nearby working day on the same side of `today` (a held hearing never lands in the future).
 */
import type { HearingKind } from '../domain/vocabulary.js';
import type { WorkCalendar } from './calendar.js';
import type { Rng } from './prng.js';

interface Slot {
  readonly start: number;
  readonly half: 'am' | 'pm';
  /** Longest hearing that fits before the lunch break (11:30) or the end of the day (16:30). */
  readonly maxMinutes: number;
}

const m = (h: number, min: number) => h * 60 + min;
const HALF_END = { am: m(11, 30), pm: m(16, 30) } as const;
const slot = (start: number): Slot => {
  const half = start < m(12, 0) ? 'am' : 'pm';
  return { start, half, maxMinutes: HALF_END[half] - start };
};
const TRIAL_SLOTS: readonly Slot[] = [m(7, 30), m(9, 30), m(13, 30), m(15, 0)].map(slot);
const SESSION_SLOTS: readonly Slot[] = [m(7, 30), m(8, 30), m(9, 30), m(10, 30), m(13, 30), m(14, 30), m(15, 30)].map(slot);

export interface BookingRequest {
  readonly kind: HearingKind;
  /** The day the plan wants. */
  readonly day: number;
  readonly judgeId: string;
  readonly durationMinutes: number;
  /** Earliest acceptable day (after the previous step of the case). */
  readonly notBefore: number;
}

export interface Booking {
  readonly day: number;
  /** Minutes after midnight, local time. */
  readonly start: number;
  readonly room: string;
  /** As asked, unless the hearing had to be double-booked and shortened to fit the day. */
  readonly durationMinutes: number;
}

/**
 * Occupancy is kept in sets of numbers, not strings: at benchmark sizes (20,000 cases) the
 * scheduler probes hundreds of thousands of slots, and building a string per probe showed up as
 * the generator's largest cost.
 */
export class HearingScheduler {
  private readonly rooms = new Set<number>();
  private readonly judges = new Set<number>();
  private readonly judgeIndex = new Map<string, number>();

  constructor(
    private readonly calendar: WorkCalendar,
    private readonly today: number,
    readonly courtrooms: number,
    readonly sessionRooms: number,
  ) {}

  /** Books the nearest free slot; if a fortnight around the wanted day is full, double-books it. */
  book(rng: Rng, request: BookingRequest): Booking {
    const past = request.day < this.today;
    const candidates: number[] = [request.day];
    let forward = request.day;
    let backward = request.day;
    for (let i = 0; i < 7; i += 1) {
      forward = this.calendar.onOrAfter(forward + 1);
      backward = this.calendar.onOrBefore(backward - 1);
      if (!past || forward < this.today) candidates.push(forward);
      if (backward >= request.notBefore && (past || backward >= this.today)) candidates.push(backward);
    }
    for (const day of candidates) {
      const booking = this.tryDay(rng, request, day);
      if (booking) return booking;
    }
    const first = (request.kind === 'trial' ? TRIAL_SLOTS : SESSION_SLOTS)[0]!;
    return {
      day: request.day,
      start: first.start,
      room: this.roomName(request.kind, 0),
      durationMinutes: Math.min(request.durationMinutes, first.maxMinutes),
    };
  }

  private roomName(kind: HearingKind, index: number): string {
    return kind === 'trial' ? `Phòng xử án số ${index + 1}` : `Phòng hòa giải, đối thoại số ${index + 1}`;
  }

  private judgeNumber(judgeId: string): number {
    let index = this.judgeIndex.get(judgeId);
    if (index === undefined) {
      index = this.judgeIndex.size;
      this.judgeIndex.set(judgeId, index);
    }
    return index;
  }

  private tryDay(rng: Rng, request: BookingRequest, day: number): Booking | undefined {
    const trial = request.kind === 'trial';
    const slots = trial ? TRIAL_SLOTS : SESSION_SLOTS;
    const rooms = trial ? this.courtrooms : this.sessionRooms;
    const judge = this.judgeNumber(request.judgeId);
    // Start the search at a random slot and room, so hearings spread over the day and the rooms.
    const slotOffset = rng.int(0, slots.length - 1);
    const roomOffset = rng.int(0, rooms - 1);
    for (let s = 0; s < slots.length; s += 1) {
      const first = (slotOffset + s) % slots.length;
      const start = slots[first]!;
      if (request.durationMinutes > start.maxMinutes) continue;
      // The slots of the same half-day this hearing runs into (a 4-hour trial at 07:30 takes 09:30 too).
      let last = first;
      while (last + 1 < slots.length && slots[last + 1]!.half === start.half && slots[last + 1]!.start < start.start + request.durationMinutes) last += 1;
      // One trial per judge per half-day, and no session while the judge sits in a trial.
      const half = (day * 65_536 + judge) * 2 + (start.half === 'am' ? 0 : 1);
      const inTrial = half * 16;
      const inSessions = half * 16 + 1;
      const inThisSession = half * 16 + 2 + first;
      if (this.judges.has(inTrial) || (trial ? this.judges.has(inSessions) : this.judges.has(inThisSession))) continue;
      for (let r = 0; r < rooms; r += 1) {
        const room = (roomOffset + r) % rooms;
        const base = ((day * 2 + (trial ? 0 : 1)) * 8192 + room) * 8;
        let free = true;
        for (let i = first; i <= last && free; i += 1) free = !this.rooms.has(base + i);
        if (!free) continue;
        for (let i = first; i <= last; i += 1) this.rooms.add(base + i);
        if (trial) {
          this.judges.add(inTrial);
        } else {
          this.judges.add(inSessions);
          this.judges.add(inThisSession);
        }
        return { day, start: start.start, room: this.roomName(request.kind, room), durationMinutes: request.durationMinutes };
      }
    }
    return undefined;
  }
}
