/**
 * Retry delays: 1 s doubling to 60 s, with "equal jitter" (half fixed, half random) so a court's
 * fifty PCs coming back after a network outage do not all hit the server in the same second.
 */
export const BACKOFF_MIN_MS = 1000;
export const BACKOFF_MAX_MS = 60_000;

export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(BACKOFF_MAX_MS, BACKOFF_MIN_MS * 2 ** Math.max(0, attempt));
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}
