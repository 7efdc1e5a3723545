/**
 * The two tables the engine reads (rules and holidays), validated and compiled once: rules
 * indexed by case type, holidays turned into a {@link WorkCalendar}. The tables bundled with the
 * app are the defaults; a verified deadline pack (./pack.ts) yields replacements.
 */
import { domainError, err, ok, type Result } from '../domain/result.js';
import { validate } from '../domain/validate.js';
import type { CaseType } from '../domain/vocabulary.js';
import { HolidayTableSchema, type HolidayTable } from './holiday-table.js';
import { RuleTableSchema, type DeadlineRule, type RuleTable } from './rule-table.js';
import { WorkCalendar } from './work-calendar.js';
import holidaysJson from './data/holidays.json';
import rulesJson from './data/rules.json';

export interface DeadlineTables {
  readonly rulesVersion: string;
  readonly holidaysVersion: string;
  readonly rules: readonly DeadlineRule[];
  readonly calendar: WorkCalendar;
  /** Rules by case type, in table order. */
  readonly rulesByType: ReadonlyMap<CaseType, readonly DeadlineRule[]>;
}

/** Compiles already-validated tables. */
export function compileTables(rules: RuleTable, holidays: HolidayTable): DeadlineTables {
  const rulesByType = new Map<CaseType, DeadlineRule[]>();
  for (const rule of rules.rules) {
    for (const type of rule.caseTypes) {
      const list = rulesByType.get(type) ?? [];
      list.push(rule);
      rulesByType.set(type, list);
    }
  }
  return {
    rulesVersion: rules.version,
    holidaysVersion: holidays.version,
    rules: rules.rules,
    calendar: new WorkCalendar(holidays),
    rulesByType,
  };
}

/** Validates raw table data (from JSON) and compiles it; a Vietnamese message names what is wrong. */
export function parseTables(rules: unknown, holidays: unknown): Result<DeadlineTables> {
  const r = validate(RuleTableSchema, rules, 'deadlines.rules');
  if (!r.ok) return err(domainError(r.error.code, `Bảng thời hạn tố tụng không hợp lệ. ${r.error.messageVi}`, `Invalid deadline rule table. ${r.error.messageEn}`));
  const h = validate(HolidayTableSchema, holidays, 'deadlines.holidays');
  if (!h.ok) return err(domainError(h.error.code, `Bảng ngày nghỉ không hợp lệ. ${h.error.messageVi}`, `Invalid holiday table. ${h.error.messageEn}`));
  return ok(compileTables(r.value, h.value));
}

let bundled: DeadlineTables | undefined;

/** The tables shipped with this build (validated on first use; a bad build throws at once). */
export function defaultTables(): DeadlineTables {
  if (!bundled) {
    const parsed = parseTables(rulesJson, holidaysJson);
    if (!parsed.ok) throw new Error(`Bundled deadline tables are invalid: ${parsed.error.messageEn}`);
    bundled = parsed.value;
  }
  return bundled;
}

/** The raw bundled data, for building a pack from it (court IT tooling, tests). */
export function bundledTableData(): { readonly rules: unknown; readonly holidays: unknown } {
  return { rules: rulesJson, holidays: holidaysJson };
}
