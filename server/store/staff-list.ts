/**
 * The `restricted_to` column of `doc_access` (DocAccessStore), shared by the SQLite and PostgreSQL
 * stores: JSON staff ids, NULL for a court-wide document. Anything unreadable counts as "nobody"
 * rather than "everyone".
 */
export function parseStaffList(text: string | null): readonly string[] | null {
  if (text === null) return null;
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}
