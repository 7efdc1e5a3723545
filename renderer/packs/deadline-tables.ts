/**
 * The deadline tables the case file computes with: each of the two tables (rules, holidays) from
 * the newest usable installed deadline pack, unless the app's bundled table is newer (an app
 * update that ships next year's holidays must not be overridden by last year's pack).
 */
import { useSyncExternalStore } from 'react';
import { defaultTables, type DeadlineTables } from '../../shared/deadlines/index.js';
import { compareVersions } from '../../shared/packs/version.js';
import { activeDeadlinePack, installedState, subscribeInstalled } from './installed.js';

/** Rules and holidays each from the newer of the bundled tables and `pack`. */
export function combineTables(bundled: DeadlineTables, pack: DeadlineTables | undefined): DeadlineTables {
  if (!pack) return bundled;
  const rulesFrom = compareVersions(pack.rulesVersion, bundled.rulesVersion) >= 0 ? pack : bundled;
  const holidaysFrom = compareVersions(pack.holidaysVersion, bundled.holidaysVersion) >= 0 ? pack : bundled;
  if (rulesFrom === holidaysFrom) return rulesFrom;
  return {
    rulesVersion: rulesFrom.rulesVersion,
    rules: rulesFrom.rules,
    rulesByType: rulesFrom.rulesByType,
    holidaysVersion: holidaysFrom.holidaysVersion,
    calendar: holidaysFrom.calendar,
  };
}

let cached: { revision: number; tables: DeadlineTables } | undefined;

/** The tables in effect now (bundled until the installed packs are loaded). */
export function effectiveDeadlineTables(): DeadlineTables {
  const { revision } = installedState();
  if (cached?.revision !== revision) cached = { revision, tables: combineTables(defaultTables(), activeDeadlinePack()?.tables) };
  return cached.tables;
}

/** React: the tables in effect, re-rendering when a deadline pack is installed. */
export function useDeadlineTables(): DeadlineTables {
  return useSyncExternalStore(subscribeInstalled, effectiveDeadlineTables);
}
