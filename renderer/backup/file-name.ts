/**
 * The bundle's file name: `courtdesk-saoluu-<court>-<YYYYMMDD-HHmm>[-<suffix>].zip`, local time,
 * ASCII only. The suffix tells a partial bundle apart on the USB stick (`chua-dong-bo`).
 */
import { foldVietnamese } from '../../shared/text/fold.js';

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * @example backupFileName('TAND huyện Đông Anh', new Date(2026, 10, 28, 9, 5)) // 'courtdesk-saoluu-tand-huyen-dong-anh-20261128-0905.zip'
 */
export function backupFileName(court: string, at: Date, suffix?: string): string {
  // Folded and dashed: a USB stick formatted FAT32 or a mail gateway may mangle anything else.
  const slug = foldVietnamese(court).replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'toa-an';
  const stamp = `${at.getFullYear()}${pad(at.getMonth() + 1)}${pad(at.getDate())}-${pad(at.getHours())}${pad(at.getMinutes())}`;
  const tail = suffix ? `-${suffix.replace(/[^a-z0-9-]+/g, '-')}` : '';
  return `courtdesk-saoluu-${slug}-${stamp}${tail}.zip`;
}
