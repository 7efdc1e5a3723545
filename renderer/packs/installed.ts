/**
 * The installed packs in memory: every stored pack file verified again with the current trust
 * list and compiled, so the template list (documents/case-templates.ts) and the deadline section
 * can read them synchronously. Re-verifying on load means a pack whose key court IT removed, or
 * whose stored bytes were altered, stops being used at once; it is listed as unusable in Settings
 * and its bytes are kept (nothing here deletes).
 *
 * The state is a module-level store (one per window) with a revision number for React's
 * useSyncExternalStore. This file stays light (it is in the app's first chunk); verifying and
 * compiling (load-installed.ts) is imported on demand by PacksProvider after boot and installs.
 */
import type { DeadlineTables } from '../../shared/deadlines/index.js';
import { compareVersions } from '../../shared/packs/version.js';
import type { Template } from '../../shared/templates/model.js';
import type { InstalledPackRecord } from '../replica/schema.js';

export type PackSummary = Omit<InstalledPackRecord, 'bytes'>;

export interface InstalledTemplatePack {
  readonly summary: PackSummary;
  readonly templates: readonly Template[];
}

export interface InstalledDeadlinePack {
  readonly summary: PackSummary;
  readonly tables: DeadlineTables;
}

export interface UnusablePack {
  readonly summary: PackSummary;
  readonly messageVi: string;
  readonly messageEn: string;
}

export interface InstalledState {
  /** Bumped on every change, for React. */
  readonly revision: number;
  readonly loaded: boolean;
  readonly templatePacks: readonly InstalledTemplatePack[];
  readonly deadlinePacks: readonly InstalledDeadlinePack[];
  readonly unusable: readonly UnusablePack[];
}

let state: InstalledState = { revision: 0, loaded: false, templatePacks: [], deadlinePacks: [], unusable: [] };
const listeners = new Set<() => void>();

export function installedState(): InstalledState {
  return state;
}

export function subscribeInstalled(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Publishes a newly loaded state (load-installed.ts). */
export function publishInstalled(next: Omit<InstalledState, 'revision' | 'loaded'>): InstalledState {
  state = { ...next, revision: state.revision + 1, loaded: true };
  for (const listener of [...listeners]) listener();
  return state;
}

let templatesCache: { revision: number; templates: readonly Template[] } | undefined;

/**
 * Every template of every usable installed pack (all versions: drafts compare against old ones).
 * The same array until the next change, so React may use it as a snapshot and a dependency.
 */
export function installedTemplates(): readonly Template[] {
  if (templatesCache?.revision !== state.revision) templatesCache = { revision: state.revision, templates: state.templatePacks.flatMap((p) => p.templates) };
  return templatesCache.templates;
}

/**
 * The deadline tables of the newest usable deadline pack (by version, then publication), or
 * undefined to use the tables bundled with the app.
 */
export function activeDeadlinePack(): InstalledDeadlinePack | undefined {
  let best: InstalledDeadlinePack | undefined;
  for (const pack of state.deadlinePacks) {
    if (!best) best = pack;
    else {
      const order = compareVersions(pack.summary.version, best.summary.version) || pack.summary.publishedAt.localeCompare(best.summary.publishedAt);
      if (order > 0) best = pack;
    }
  }
  return best;
}
