/**
 * Ordering of pack and template versions. Template versions are semver (`1.2.0`, checked by the
 * source format); pack versions are whatever court IT typed, usually semver or a date
 * (`2026.01`). Both compare numerically part by part, so `1.10.0` is newer than `1.9.0`; a part
 * that is not a number compares as text, and a pre-release tag (`2.0.0-rc1`) is older than the
 * release it precedes, as semver says.
 *
 * @example compareVersions('1.10.0', '1.9.2') > 0 // true
 */
export function compareVersions(a: string, b: string): number {
  const [coreA = '', preA] = splitPre(a);
  const [coreB = '', preB] = splitPre(b);
  const partsA = coreA.split('.');
  const partsB = coreB.split('.');
  for (let i = 0; i < Math.max(partsA.length, partsB.length); i += 1) {
    const order = comparePart(partsA[i] ?? '0', partsB[i] ?? '0');
    if (order !== 0) return order;
  }
  if (preA === undefined || preB === undefined) return preA === preB ? 0 : preA === undefined ? 1 : -1;
  return comparePart(preA, preB);
}

/** True when `candidate` is strictly newer than `current`. */
export function isNewer(candidate: string, current: string | undefined): boolean {
  return current === undefined || compareVersions(candidate, current) > 0;
}

function splitPre(version: string): [string, string | undefined] {
  const dash = version.indexOf('-');
  return dash < 0 ? [version.trim(), undefined] : [version.slice(0, dash).trim(), version.slice(dash + 1).trim()];
}

function comparePart(a: string, b: string): number {
  const numeric = /^\d+$/;
  if (numeric.test(a) && numeric.test(b)) return Math.sign(Number(a) - Number(b));
  return a < b ? -1 : a > b ? 1 : 0;
}
