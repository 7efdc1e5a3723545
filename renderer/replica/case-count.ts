/**
 * How many cases the replica holds, without counting them on the way to the first screen.
 *
 * Chromium's IndexedDB counts a store by walking it: 20,000 cases took 580–990 ms in a freshly
 * started browser and 320–530 ms after (an index's count is no cheaper; bench/node/idb-count.ts),
 * and the app needed the number twice before the register showed its first row (the
 * start's replica info, then the register's total): most of its cold start. So:
 * - a count is taken at most once per change and remembered until the next change;
 * - the last count is kept in the meta table. Until the first count of a run has come back, the
 *   kept number is shown at once and a count runs behind it; if it was stale (cases written by a
 *   run of the app that stopped before it counted again), the fresh count is announced and every
 *   screen reads it again. After that, a change is followed by a fresh count, as before.
 */
export interface CaseCountStore {
  /** The exact count (a walk of the `cases` store). */
  count(): Promise<number>;
  /** The last count kept, if any (read as stored: a damaged record may hold anything). */
  readStored(): Promise<unknown>;
  keep(count: number): Promise<void>;
}

export class CaseCount {
  /** The count since the last change, once taken (or observed). */
  private known: number | undefined;
  private counting: Promise<number> | undefined;
  /** Whether the kept number may still be shown: until this run's first count, or first change. */
  private useKept = true;
  /** The kept number as shown, until a count confirms or corrects it. */
  private shown: number | undefined;
  private checkScheduled = false;
  /** What the meta table holds, as far as this run knows: an unchanged count is not written again. */
  private kept: number | undefined;

  constructor(
    private readonly store: CaseCountStore,
    /** Called when the kept number shown was stale: screens should read the count again (cases did not change). */
    private readonly onStaleShown: () => void,
    /**
     * Runs the count that checks a kept number shown, later: IndexedDB answers one request after
     * the other, and the first screen's own reads must not queue behind a walk of the store.
     */
    private readonly later: (work: () => void) => void = (work) => work(),
  ) {}

  /** The number to show now: the count since the last change; before this run's first count, the kept one (a count follows); else a count. */
  async current(): Promise<number> {
    if (this.known !== undefined) return this.known;
    if (!this.useKept) return this.exact();
    const stored = keptCount(await this.store.readStored());
    this.kept ??= stored;
    if (this.known !== undefined) return this.known;
    if (stored === undefined || !this.useKept) return this.exact();
    this.shown = stored;
    if (!this.checkScheduled) {
      this.checkScheduled = true;
      this.later(() => {
        // Confirmed meanwhile (a count, the index) or a change came: nothing left to check.
        if (this.useKept) this.exact().catch((error: unknown) => console.warn('Courtdesk: counting the cases failed', error));
      });
    }
    return stored;
  }

  /** The exact count, taken at most once per change. */
  exact(): Promise<number> {
    if (this.known !== undefined) return Promise.resolve(this.known);
    if (this.counting) return this.counting;
    const counting = this.store.count();
    this.counting = counting;
    counting.then(
      (count) => {
        // Superseded by a change or an observation: not a count of the cases as they are now.
        if (this.counting !== counting) return;
        this.counting = undefined;
        this.settle(count);
      },
      () => {
        if (this.counting === counting) this.counting = undefined;
      },
    );
    return counting;
  }

  /**
   * An exact count known without a walk (the in-memory index holds every case once loaded):
   * remembered and kept like a count, and announced if a different number was shown.
   */
  observed(count: number): void {
    if (this.known === count) return;
    this.counting = undefined;
    this.settle(count);
  }

  /** Cases were (or may have been) added or removed: the next answer is a fresh count. */
  changed(): void {
    this.known = undefined;
    // A count under way began before the change: it is not this state's count.
    this.counting = undefined;
    this.useKept = false;
    // Screens read the count again on the change: the number shown needs no announcement.
    this.shown = undefined;
  }

  private settle(count: number): void {
    this.useKept = false;
    this.known = count;
    if (this.kept !== count) {
      this.kept = count;
      this.store.keep(count).catch((error: unknown) => console.warn('Courtdesk: keeping the case count failed', error));
    }
    const shown = this.shown;
    this.shown = undefined;
    if (shown !== undefined && shown !== count) this.onStaleShown();
  }
}

/** A kept value that is not a count (a damaged meta record) is as good as none: the cases are counted. */
function keptCount(value: unknown): number | undefined {
  return Number.isSafeInteger(value) && (value as number) >= 0 ? (value as number) : undefined;
}
