// Copies the few facts the demo court generator needs from the project's reference data
// (`../shared/data/`, beside the repo, read-only and not cloned with it) into small JSON files
// under `shared/demo/data/`, which are committed: the app must build and run without ../shared.
//
// Usage: npm run import-data [-- --from ../shared/data]
// Run it again when ../shared/data changes, then review the diff of shared/demo/data/.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const fromIndex = process.argv.indexOf('--from');
const SOURCE_DIR = fromIndex > 0 ? path.resolve(process.argv[fromIndex + 1] ?? '') : path.resolve(ROOT, '..', 'shared', 'data');
const OUT_DIR = path.join(ROOT, 'shared', 'demo', 'data');

function readJson(name) {
  const file = path.join(SOURCE_DIR, name);
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    console.error(`Không đọc được ${file} / Cannot read ${file}: ${error.message}`);
    process.exit(2);
  }
}

/** Writes atomically (temp file in the same folder, then rename) so a failed run leaves the old file. */
function writeJson(name, value) {
  const file = path.join(OUT_DIR, name);
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, JSON.stringify(value) + '\n', 'utf8');
  renameSync(temp, file);
  return readFileSync(file).length;
}

const nfc = (text) => text.normalize('NFC').trim();

// ---- Names -------------------------------------------------------------------------------------

/**
 * Tokens the source spells wrongly: legacy VNI-style composed accents ("Vuõ" for "Vũ", "Uùt" for
 * "Út"), a missing diacritic ("Le"), a typo ("Búi"), old tone placement on a surname ("Hùynh"),
 * and entries that are not names in that position ("Ánh" as a surname, "Văn" as a given name).
 */
const BAD_TOKENS = new Set(['Le', 'Vuõ', 'Khaùnh', 'Tuaán', 'Uùt', 'Hieàn', 'Yù', 'Hùynh', 'Búi', 'Ánh']);
const BAD_GIVEN = new Set([...BAD_TOKENS, 'Văn', 'Hữu', 'Thị']);
/**
 * The source infers gender from the given name when there is no "Thị"/"Văn", so some middle names
 * that Vietnamese reserve for men land in the female list ("Đình", "Hữu"); a woman named
 * "Nguyễn Đình Thảo" would read as a mistake in a demo, so they are dropped there.
 */
const MALE_ONLY_MIDDLE = new Set(['Văn', 'Đình', 'Hữu', 'Đức', 'Mạnh', 'Thế', 'Quốc', 'Trung', 'Quang', 'Trần', 'Công', 'Trọng']);

const names = readJson('vn-names.json');
const weighted = (list, keep) =>
  list
    .map((entry) => ({ ...entry, name: nfc(entry.name) }))
    .filter((entry) => entry.count >= 2 && keep(entry.name))
    .map((entry) => [entry.name, entry.count]);
const hints = new Map(names.givenNames.map((entry) => [nfc(entry.name), entry.genderHint ?? null]));
const given = (gender) =>
  weighted(names.givenNamesByGender[gender], (name) => !BAD_GIVEN.has(name)).map(([name, count]) => [
    name,
    count,
    hints.get(name) ?? null,
  ]);

const namesOut = {
  source:
    `../shared/data/vn-names.json (see ../shared/data/SOURCES.md §4): counts from ${names.source.repo} ` +
    `commit ${names.source.commit}, ${names.source.license}. Trimmed by scripts/import-shared-data.mjs: ` +
    'entries counted at least twice, misspelt tokens dropped. Sample bias: members of one IT university in ' +
    'Ho Chi Minh City (2016), young, male-heavy, southern-leaning; fine for demo names, not statistics.',
  fields: { surnames: ['name', 'weight'], middle: ['name', 'weight'], given: ['name', 'weight', 'genderHint'] },
  surnames: weighted(names.surnames, (name) => !BAD_TOKENS.has(name)),
  middle: {
    male: weighted(names.middleNamesByGender.male, (name) => !BAD_TOKENS.has(name) && !name.includes('Thị')),
    female: weighted(names.middleNamesByGender.female, (name) => !BAD_TOKENS.has(name) && !MALE_ONLY_MIDDLE.has(name)),
  },
  given: { male: given('male'), female: given('female') },
};

// ---- Administrative units ----------------------------------------------------------------------

/** Vĩnh Long in full (the demo court's province), then the neighbours parties also come from. */
const PROVINCE_CODES = ['86', '92', '82', '91', '79'];
const units = readJson('admin-units-2025.json');
const provinces = PROVINCE_CODES.map((code) => {
  const province = units.find((p) => p.code === code);
  if (!province) {
    console.error(`Thiếu tỉnh mã ${code} trong admin-units-2025.json / Province ${code} missing`);
    process.exit(2);
  }
  const fullName = nfc(province.province);
  return {
    code,
    // "Tỉnh Vĩnh Long" → "Vĩnh Long"; addresses write the type in lower case ("tỉnh Vĩnh Long").
    name: fullName.replace(/^(Tỉnh|Thành phố)\s+/u, ''),
    type: province.type,
    units: province.units.map((unit) => [nfc(unit.shortName), unit.type]),
  };
});

const unitsOut = {
  source:
    '../shared/data/admin-units-2025.json (see ../shared/data/SOURCES.md §2): provinces and commune-level ' +
    'units in force from 1 July 2025, from Công văn 1027/CTK-CSCL ngày 25/6/2025 of Cục Thống kê as ' +
    'transcribed in dvhcvn/20250701 commit dd94887ce32324380bc5bb0a76fe39867dafc73b. Trimmed by ' +
    'scripts/import-shared-data.mjs: Vĩnh Long, Cần Thơ, Đồng Tháp, An Giang, TP Hồ Chí Minh; names and types only.',
  fields: { units: ['shortName', 'type'] },
  provinces,
};

mkdirSync(OUT_DIR, { recursive: true });
const namesBytes = writeJson('names.json', namesOut);
const unitsBytes = writeJson('admin-units.json', unitsOut);
console.log(
  `Đã ghi / wrote shared/demo/data/names.json (${namesBytes} B, ${namesOut.surnames.length} họ) và ` +
    `admin-units.json (${unitsBytes} B, ${provinces.reduce((n, p) => n + p.units.length, 0)} xã/phường).`,
);
