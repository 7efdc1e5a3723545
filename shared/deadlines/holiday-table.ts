/**
 * The holiday table as data (shared/deadlines/data/holidays.json, made by
 * scripts/import-holidays.mjs): every weekday that is off (statutory holidays, Tết, the second
 * National Day day, nghỉ bù, announced swaps) and every weekend day that is worked instead, for a
 * range of years. Court IT can ship a newer table in a signed deadline pack (./pack.ts) when the
 * Prime Minister's yearly decision is announced; the engine only reads the data.
 */
import { z } from 'zod';
import { isIsoDate } from './dates.js';

const IsoDate = z.string().refine(isIsoDate, { error: 'Ngày phải có dạng YYYY-MM-DD và có thật' });

export const HOLIDAY_TABLE_FORMAT = 'courtdesk.holidays';

export const HOLIDAY_KINDS = ['holiday', 'tet', 'substitute', 'swap'] as const;
export type HolidayKind = (typeof HOLIDAY_KINDS)[number];

export const DayOffSchema = z.object({
  date: IsoDate,
  name: z.string().min(1),
  /** holiday: statutory; tet: one of Tết's 5 days; substitute: nghỉ bù; swap: announced hoán đổi. */
  kind: z.enum(HOLIDAY_KINDS),
  basis: z.string().min(1),
  /** True when the day follows a documented default pattern, not an announcement. */
  assumed: z.boolean(),
});
export type DayOff = z.output<typeof DayOffSchema>;

export const WorkingWeekendDaySchema = z.object({
  date: IsoDate,
  name: z.string().min(1),
  basis: z.string().min(1),
});

export const HolidayTableSchema = z
  .object({
    format: z.literal(HOLIDAY_TABLE_FORMAT, { error: 'Không phải bảng ngày nghỉ của Courtdesk' }),
    formatVersion: z.literal(1, { error: 'Phiên bản bảng ngày nghỉ không được hỗ trợ' }),
    /** The data's own version, shown to the clerk ("2025.1"). */
    version: z.string().min(1),
    firstYear: z.number().int().min(1990).max(2200),
    lastYear: z.number().int().min(1990).max(2200),
    /** Weekly rest days, 0 = Sunday … 6 = Saturday. */
    weekend: z.array(z.number().int().min(0).max(6)),
    source: z.string().default(''),
    daysOff: z.array(DayOffSchema),
    workingWeekendDays: z.array(WorkingWeekendDaySchema),
  })
  .refine((table) => table.firstYear <= table.lastYear, { error: 'Năm đầu phải trước năm cuối' })
  .refine((table) => new Set(table.daysOff.map((d) => d.date)).size === table.daysOff.length, {
    error: 'Một ngày nghỉ bị liệt kê hai lần',
  })
  .refine((table) => !table.workingWeekendDays.some((w) => table.daysOff.some((d) => d.date === w.date)), {
    error: 'Một ngày vừa là ngày nghỉ vừa là ngày làm bù',
  });
export type HolidayTable = z.output<typeof HolidayTableSchema>;
export type HolidayTableInput = z.input<typeof HolidayTableSchema>;
