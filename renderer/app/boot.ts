/**
 * First start: open the replica and, when it holds no case at all, load the demo court so a new
 * user sees a working register instead of an empty screen (the UI then says so in a banner).
 * Runs once per page load (a module-level promise), so React's double effects cannot import twice.
 */
import type { ImportProgress, Replica, ReplicaInfo } from '../replica/types.js';
import { openReplica } from '../replica/replica.js';
import { localDay } from '../i18n/dates.js';
import { askFirstPageEarly } from '../screens/register/first-page.js';

export const DEMO_CASE_COUNT = 300;

export interface BootResult {
  readonly replica: Replica;
  readonly info: ReplicaInfo;
  /** True when this start loaded the demo court into an empty replica. */
  readonly demoLoaded: boolean;
  /** Set when the demo could not be loaded; the app still opens on the (empty) replica. */
  readonly demoError?: string;
}

/** What the boot screen shows while it works. */
export type BootProgress = { readonly phase: 'opening' } | { readonly phase: 'demo'; readonly progress: ImportProgress };

let boot: Promise<BootResult> | undefined;
const progressListeners = new Set<(progress: BootProgress) => void>();

function report(progress: BootProgress): void {
  for (const listener of progressListeners) listener(progress);
}

export function onBootProgress(listener: (progress: BootProgress) => void): () => void {
  progressListeners.add(listener);
  return () => progressListeners.delete(listener);
}

async function run(): Promise<BootResult> {
  report({ phase: 'opening' });
  const replica = await openReplica();
  let info = await replica.info();
  if (info.caseCount > 0) {
    // Read while React renders the app's frame, not after it (first-page.ts).
    askFirstPageEarly(replica, window.location.hash, localDay());
    return { replica, info, demoLoaded: false };
  }
  try {
    report({ phase: 'demo', progress: { done: 0, total: DEMO_CASE_COUNT } });
    // Loaded on demand: the generator and its name lists are not needed after the first start.
    const { generateCourt } = await import('../../shared/demo/index.js');
    const file = generateCourt({ cases: DEMO_CASE_COUNT, seed: 1, today: localDay() });
    await replica.importCourtFile(file, (progress: ImportProgress) => report({ phase: 'demo', progress }));
    info = await replica.info();
    return { replica, info, demoLoaded: true };
  } catch (error) {
    console.error('Demo court could not be loaded', error);
    info = await replica.info();
    return { replica, info, demoLoaded: false, demoError: errorMessageVi(error) };
  }
}

/** Starts (or joins) the boot. A failed open can be retried. */
export function startBoot(): Promise<BootResult> {
  if (!boot) {
    boot = run();
    boot.catch(() => {
      boot = undefined;
    });
  }
  return boot;
}

/** The Vietnamese message of an error value or exception, whatever its shape. */
export function errorMessageVi(error: unknown): string {
  if (error && typeof error === 'object') {
    const record = error as Record<string, unknown>;
    if (typeof record.messageVi === 'string') return record.messageVi;
    if (record.error && typeof record.error === 'object') return errorMessageVi(record.error);
    if (typeof record.message === 'string') return record.message;
  }
  return String(error);
}
