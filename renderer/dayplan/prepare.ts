/**
 * "Chuẩn bị cho ngày …": for every hearing of the chosen days (across the chosen judges), bring
 * the replica up to date with the court server when it can be reached, then check that the case
 * doc, its documents, the minutes template and the earlier minutes are on this laptop.
 *
 * The catch-up is the sync engine's own (renderer/sync/status.ts `syncNow` + `idle`): it pushes
 * local edits and pulls everything the court changed since the last sync, so after a complete
 * catch-up the replica holds every doc the server has. The check that follows reads only local
 * data, so it gives the same answer offline, which is the point of the pack.
 *
 * Loaded on demand (it pulls in the template engine), like renderer/documents/loaders.ts.
 */
import { assessHearing, type HearingAssessment } from '../../shared/dayplan/assess.js';
import type { Case, Court, StaffMember } from '../../shared/domain/schemas.js';
import { documentDocId } from '../../shared/drafting/document-doc.js';
import { builtinTemplates } from '../../shared/templates/index.js';
import { newestTemplates } from '../../shared/packs/newest.js';
import { installedTemplates } from '../packs/installed.js';
import type { Template } from '../../shared/templates/model.js';
import { caseDocId } from '../replica/projection.js';
import type { HearingRow, Replica } from '../replica/types.js';
import type { SyncPhase } from '../sync/status.js';
import type { LocalDocProbe } from './local-docs.js';

/** The part of the sync engine the pack uses. */
export interface PackSync {
  syncNow(): void;
  idle(): Promise<void>;
  getStatus(): { readonly phase: SyncPhase; readonly messageVi?: string; readonly messageEn?: string };
}

export type PackSyncOutcome =
  | { readonly kind: 'synced' }
  /** Not attempted: no court server configured, or the browser is offline. */
  | { readonly kind: 'skipped'; readonly reason: 'signedOut' | 'offline' }
  /** Attempted and did not complete; the check still runs on what is local. */
  | { readonly kind: 'failed'; readonly phase: SyncPhase; readonly messageVi?: string; readonly messageEn?: string };

export interface HearingPack extends HearingAssessment {
  readonly hearing: HearingRow;
}

export interface DayPack {
  readonly days: readonly string[];
  /** ISO instant the check ran. */
  readonly checkedAt: string;
  readonly sync: PackSyncOutcome;
  readonly hearings: readonly HearingPack[];
}

export interface PrepareOptions {
  readonly replica: Replica;
  readonly probe: LocalDocProbe;
  readonly court: Court;
  readonly staff: readonly StaffMember[];
  readonly days: readonly string[];
  /** Which hearings belong to the pack (a judge's, a clerk's); default: all. */
  readonly include?: (hearing: HearingRow) => boolean;
  /** The sync engine; absent or `serverConfigured: false`: no catch-up. */
  readonly sync?: PackSync;
  readonly serverConfigured: boolean;
  readonly online: boolean;
  /** Templates available on this laptop; default: the newest of the built-in and installed packs. */
  readonly templates?: readonly Template[];
  /** Longest wait for the catch-up before checking what is local (default 120 s). */
  readonly syncTimeoutMs?: number;
  readonly onPhase?: (phase: 'syncing' | 'checking') => void;
  readonly now?: () => string;
}

async function catchUp(options: PrepareOptions): Promise<PackSyncOutcome> {
  const { sync } = options;
  if (!sync || !options.serverConfigured) return { kind: 'skipped', reason: 'signedOut' };
  if (!options.online) return { kind: 'skipped', reason: 'offline' };
  options.onPhase?.('syncing');
  sync.syncNow();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), options.syncTimeoutMs ?? 120_000);
  });
  const finished = await Promise.race([sync.idle().then(() => 'idle' as const), timedOut]);
  clearTimeout(timer);
  const status = sync.getStatus();
  if (finished === 'idle' && status.phase === 'synced') return { kind: 'synced' };
  return {
    kind: 'failed',
    phase: finished === 'timeout' ? 'syncing' : status.phase,
    ...(status.messageVi ? { messageVi: status.messageVi } : {}),
    ...(status.messageEn ? { messageEn: status.messageEn } : {}),
  };
}

/** The hearings of the days, in time order; cancelled ones need no pack. */
export async function hearingsOfDays(replica: Replica, days: readonly string[], include: (hearing: HearingRow) => boolean = () => true): Promise<HearingRow[]> {
  if (days.length === 0) return [];
  const sorted = [...days].sort();
  const wanted = new Set(days);
  const rows = await replica.hearingsBetween(sorted[0]!, sorted[sorted.length - 1]!);
  return rows
    .filter((h) => wanted.has(h.day) && h.status !== 'cancelled' && include(h))
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.room.localeCompare(b.room, 'vi'));
}

/** Runs the catch-up (when possible), then checks every hearing of the days against the replica. */
export async function prepareDayPack(options: PrepareOptions): Promise<DayPack> {
  const sync = await catchUp(options);
  options.onPhase?.('checking');
  const hearings = await hearingsOfDays(options.replica, options.days, options.include);
  const packs = await assessRows(options, hearings);
  return { days: [...options.days].sort(), checkedAt: (options.now ?? (() => new Date().toISOString()))(), sync, hearings: packs };
}

/** Checks hearing rows against the replica (no sync): the day pack and the reminders share it. */
export async function assessRows(
  options: Pick<PrepareOptions, 'replica' | 'probe' | 'court' | 'staff' | 'serverConfigured' | 'templates'>,
  hearings: readonly HearingRow[],
): Promise<HearingPack[]> {
  const templates = options.templates ?? newestTemplates(builtinTemplates(), installedTemplates());
  const caseIds = [...new Set(hearings.map((h) => h.caseId))];
  const cases = new Map<string, Case | undefined>();
  for (const caseId of caseIds) {
    const loaded = await options.replica.loadCase(caseId);
    cases.set(caseId, loaded.ok ? loaded.value : undefined);
  }
  const docIds = caseIds.flatMap((caseId) => [caseDocId(caseId), ...(cases.get(caseId)?.documents ?? []).map((d) => documentDocId(d.id))]);
  const states = await options.probe.states(docIds);
  const out: HearingPack[] = [];
  for (const row of hearings) {
    const kase = cases.get(row.caseId);
    const hearing = kase?.hearings.find((h) => h.id === row.hearingId);
    const caseDoc = states.get(caseDocId(row.caseId)) ?? 'absent';
    if (!kase || !hearing) {
      out.push({ hearing: row, readiness: { ready: false, issues: [{ code: caseDoc === 'absent' ? 'caseMissing' : 'caseUnreadable', severity: 'blocking', subjects: [] }] } });
      continue;
    }
    out.push({ hearing: row, ...assessHearing({ court: options.court, staff: options.staff, templates, kase, hearing, caseDoc, docStates: states, serverConfigured: options.serverConfigured }) });
  }
  return out;
}
