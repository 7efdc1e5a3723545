// Builds the deadline engine's holiday table, shared/deadlines/data/holidays.json, from the
// project's reference data (`../shared/data/vn-holidays.json`, beside the repo, read-only and not
// cloned with it). The output is committed: the app must build and run without ../shared.
//
// Usage: node scripts/import-holidays.mjs [--from ../shared/data]
// Run it again when ../shared/data changes, then review the diff. Provenance and every assumption
// the expansion makes are written in shared/deadlines/data/SOURCES.md.
//
// What it does, year by year (2020–2040, the years the reference data has Tết and Giỗ Tổ for):
//  1. the fixed solar holidays of BLLĐ 2019 Điều 112 khoản 1 (1/1, 30/4, 1/5, 2/9);
//  2. Giỗ Tổ Hùng Vương (10/3 âm lịch) from the computed lunar table;
//  3. Tết Nguyên Đán: the 5 days off the law counts. Where the ministry's announced notice is in
//     the reference data (2025), its days; otherwise the DEFAULT PATTERN, an assumption: the two
//     days before mùng 1 through mùng 3 (tet-2 … tet+2), the pattern of the 2025 notice;
//  4. the second National Day day (1/9 or 3/9): announced (2025) or the DEFAULT RULE below;
//  5. nghỉ bù (Điều 111 khoản 3): a holiday on a Saturday or Sunday gives the next working day off;
//  6. announced swaps (hoán đổi ngày làm việc) as data: a weekday off, a Saturday worked instead.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const fromIndex = process.argv.indexOf('--from');
const SOURCE_DIR = fromIndex > 0 ? path.resolve(process.argv[fromIndex + 1] ?? '') : path.resolve(ROOT, '..', 'shared', 'data');
const OUT_FILE = path.join(ROOT, 'shared', 'deadlines', 'data', 'holidays.json');

/** Bump when the expansion rules or the announced data change; the engine shows it. */
const TABLE_VERSION = '2025.1';

function readSource() {
  const file = path.join(SOURCE_DIR, 'vn-holidays.json');
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    console.error(`Không đọc được ${file} / Cannot read ${file}: ${error.message}`);
    process.exit(2);
  }
}

const MS_PER_DAY = 86_400_000;
const toDay = (iso) => Math.floor(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / MS_PER_DAY);
const fromDay = (day) => new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
/** 0 = Sunday … 6 = Saturday. */
const weekday = (day) => (((day + 4) % 7) + 7) % 7;
const isWeekend = (day) => weekday(day) === 0 || weekday(day) === 6;
const nfc = (text) => text.normalize('NFC').trim();

const source = readSource();
const fixed = source.fixedSolar;
const tetRule = source.lunar.find((rule) => rule.lunarDate === '01-01');
const hungRule = source.lunar.find((rule) => rule.lunarDate === '03-10');
const notice2025 = source.exampleNotice2025;
if (!fixed || !tetRule || !hungRule || !source.tet || !source.hungKings || !notice2025) {
  console.error('vn-holidays.json thiếu trường cần thiết / vn-holidays.json lacks required fields');
  process.exit(2);
}
const years = Object.keys(source.tet).map(Number).sort((a, b) => a - b);

/** The announced notices the reference data holds, by year. */
const NOTICE_BASIS = 'Thông báo 6150/TB-BLĐTBXH ngày 03/12/2024 (qua nguồn thứ cấp, xem SOURCES.md)';
const announced = {
  2025: {
    basis: NOTICE_BASIS,
    tetDaysOff: notice2025.tetBreakForCivilServants.tetDaysOff,
    nationalDaySecond: notice2025.nationalDay.secondDay,
    swaps: [notice2025.swap],
  },
};

/**
 * Default choice of the day next to 2/9 when no notice is known (an assumption): the weekday of
 * 1/9 and 3/9 that joins the weekend. 2/9 on Mon → 3/9; Tue → 1/9; Wed → 3/9; Thu → 3/9;
 * Fri → 1/9; Sat → 1/9; Sun → 3/9. It reproduces the announced choices of 2021–2025 (Thu→3/9,
 * Fri→1/9, Sat→1/9, Mon→3/9, Tue→1/9), recalled from general knowledge, not from the data.
 */
function defaultNationalDaySecond(year) {
  const day = toDay(`${year}-09-02`);
  const before = [2, 5, 6].includes(weekday(day)); // Tue, Fri, Sat
  return fromDay(before ? day - 1 : day + 1);
}

const daysOff = [];
const workingWeekendDays = [];

for (const year of years) {
  const notice = announced[year];
  /** Statutory holidays of the year, before nghỉ bù: { day, name, kind, basis, assumed }. */
  const holidays = [];
  const add = (iso, name, kind, basis, assumed) => holidays.push({ day: toDay(iso), name: nfc(name), kind, basis, assumed });

  for (const rule of fixed) add(`${year}-${rule.date}`, rule.name, 'holiday', rule.basis, false);
  add(source.hungKings[String(year)], hungRule.name, 'holiday', hungRule.basis, false);

  const tet = toDay(source.tet[String(year)]);
  const tetDays = notice ? notice.tetDaysOff.map(toDay) : [tet - 2, tet - 1, tet, tet + 1, tet + 2];
  if (tetDays.length !== tetRule.paidDaysOff) {
    console.error(`Tết ${year}: ${tetDays.length} ngày thay vì ${tetRule.paidDaysOff} / wrong Tết day count`);
    process.exit(2);
  }
  for (const day of tetDays) {
    holidays.push({
      day,
      name: 'Tết Âm lịch (Tết Nguyên Đán)',
      kind: 'tet',
      basis: notice ? `${tetRule.basis}; ${notice.basis}` : tetRule.basis,
      assumed: !notice,
    });
  }

  const second = notice ? notice.nationalDaySecond : defaultNationalDaySecond(year);
  const nationalDay = fixed.find((rule) => rule.date === '09-02');
  holidays.push({
    day: toDay(second),
    name: 'Quốc khánh (ngày liền kề)',
    kind: 'holiday',
    basis: notice ? `${nationalDay.basis}; ${notice.basis}` : nationalDay.basis,
    assumed: !notice,
  });

  holidays.sort((a, b) => a.day - b.day);
  const off = new Set(holidays.map((h) => h.day));

  // Nghỉ bù: each holiday on a weekend gives the next weekday that is not itself off.
  const substitutes = [];
  for (const holiday of holidays) {
    if (!isWeekend(holiday.day)) continue;
    let day = holiday.day + 1;
    while (isWeekend(day) || off.has(day)) day += 1;
    off.add(day);
    substitutes.push({
      day,
      name: `Nghỉ bù ${holiday.name} (${fromDay(holiday.day)})`,
      kind: 'substitute',
      basis: source.substitutionRule.basis,
      assumed: holiday.assumed,
    });
  }

  for (const entry of [...holidays.filter((h) => !isWeekend(h.day)), ...substitutes]) {
    daysOff.push({ date: fromDay(entry.day), name: entry.name, kind: entry.kind, basis: entry.basis, assumed: entry.assumed });
  }
  for (const swap of notice?.swaps ?? []) {
    daysOff.push({ date: swap.dayOff, name: `Nghỉ hoán đổi (làm bù ngày ${swap.workedInstead})`, kind: 'swap', basis: notice.basis, assumed: false });
    workingWeekendDays.push({ date: swap.workedInstead, name: `Làm bù cho ngày nghỉ ${swap.dayOff}`, basis: notice.basis });
  }
}

daysOff.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
const duplicates = daysOff.filter((entry, i) => i > 0 && daysOff[i - 1].date === entry.date);
if (duplicates.length > 0) {
  console.error(`Ngày nghỉ trùng / duplicate days off: ${duplicates.map((d) => d.date).join(', ')}`);
  process.exit(2);
}

const out = {
  format: 'courtdesk.holidays',
  formatVersion: 1,
  version: TABLE_VERSION,
  firstYear: years[0],
  lastYear: years[years.length - 1],
  weekend: [0, 6],
  source:
    '../shared/data/vn-holidays.json (see ../shared/data/SOURCES.md §3): BLLĐ 2019 Điều 111–112; Tết and Giỗ Tổ ' +
    "solar dates computed with Hồ Ngọc Đức's algorithm at UTC+7; the 2025 notice read second-hand. Expanded by " +
    'scripts/import-holidays.mjs; entries with assumed=true follow a default pattern, not an announcement ' +
    '(shared/deadlines/data/SOURCES.md).',
  daysOff,
  workingWeekendDays,
};

mkdirSync(path.dirname(OUT_FILE), { recursive: true });
const temp = `${OUT_FILE}.${process.pid}.tmp`;
writeFileSync(temp, `${JSON.stringify(out, null, 1)}\n`, 'utf8');
renameSync(temp, OUT_FILE);
console.log(
  `Đã ghi / wrote shared/deadlines/data/holidays.json: ${daysOff.length} ngày nghỉ, ${workingWeekendDays.length} ngày làm bù, ` +
    `${out.firstYear}–${out.lastYear}, phiên bản ${TABLE_VERSION}.`,
);
