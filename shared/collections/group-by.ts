/**
 * Groups items by a key, keeping the order of the items within each group and the order in
 * which keys first appear (a Map's insertion order). Used where updates or stored parts are
 * gathered per document, on the server and in the replica alike.
 */
export function groupBy<T, K>(items: Iterable<T>, keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [item]);
    else group.push(item);
  }
  return groups;
}
