/**
 * Text normalisation for Vietnamese data.
 *
 * Every text field is stored in Unicode NFC: the same word pasted from an old Word file (NFD, or
 * the "composed legacy" forms) and typed on a Vietnamese keyboard must compare equal, or search and
 * anonymisation silently miss it ("Được" is 4 code points in NFC and 7 in NFD).
 */

/** NFC-normalises a string and trims stray whitespace around it; inner runs of spaces collapse. */
export function normalizeText(value: string): string {
  return value.normalize('NFC').replace(/[\s\u00a0]+/g, ' ').trim();
}

/**
 * Returns a deep copy of `value` with every string NFC-normalised (see {@link normalizeText}).
 * Objects and arrays are walked; other values are returned as they are.
 *
 * @example normalizeDeep({ name: ' Nguyễn  Văn An ' }) // { name: 'Nguyễn Văn An' }
 */
export function normalizeDeep<T>(value: T): T {
  if (typeof value === 'string') return normalizeText(value) as T;
  if (Array.isArray(value)) return value.map((item) => normalizeDeep(item)) as T;
  if (value !== null && typeof value === 'object' && !(value instanceof Uint8Array)) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
      out[key] = normalizeDeep(item);
    }
    return out as T;
  }
  return value;
}
