/**
 * The suggested name of an exported figure table: "Số liệu - Vụ án đang giải quyết - Cả Tòa án -
 * 2026-03-04.csv". Characters Windows refuses in a file name become a space (the IPC contract's
 * fileNameSchema refuses them), length stays within 200.
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what we drop
const FORBIDDEN = /[<>:"/\\|?*\u0000-\u001f]+/g;

export function exportFileName(title: string, whose: string, today: string, extension: 'csv' | 'xlsx'): string {
  const base = [title, whose, today]
    .map((part) => part.replace(FORBIDDEN, ' ').replace(/\s+/g, ' ').trim())
    .filter((part) => part !== '')
    .join(' - ')
    .slice(0, 190)
    .replace(/[. ]+$/, '');
  return `${base || 'So lieu'}.${extension}`.normalize('NFC');
}
