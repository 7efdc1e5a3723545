/**
 * The statutory deadline engine (thời hạn tố tụng): data-driven rules and holidays, working-day
 * arithmetic, per-case deadlines, and signed packs for updated tables. See docs/DEADLINES.md.
 */
export { computeDeadlines, type ComputeOptions, type Deadline, type DeadlineStatus } from './compute.js';
export { addCalendarDays, addMonths, daysBetween, isIsoDate } from './dates.js';
export { addWorkingDays, countWorkingDays, isWorkingDay, nextWorkingDay, onOrNextWorkingDay } from './working-days.js';
export { caseEvents, type CaseEvents, type ExtraEvents } from './events.js';
export { bundledTableData, compileTables, defaultTables, parseTables, type DeadlineTables } from './tables.js';
export { WorkCalendar } from './work-calendar.js';
export {
  DEADLINE_UNIT_LABELS,
  DEADLINE_UNITS,
  RuleTableSchema,
  START_EVENT_LABELS,
  START_EVENTS,
  type DeadlineRule,
  type DeadlineUnit,
  type RuleTable,
  type StartEvent,
} from './rule-table.js';
export { HolidayTableSchema, type DayOff, type HolidayTable } from './holiday-table.js';
export {
  buildDeadlinePack,
  DEADLINE_PACK_FORMAT,
  loadDeadlinePack,
  serializeDeadlinePack,
  signDeadlinePack,
  type DeadlinePack,
  type DeadlinePackManifest,
  type LoadedDeadlinePack,
} from './pack.js';
