/**
 * Vietnamese personal names for demo people, drawn by frequency from the trimmed name counts in
 * ./data/names.json (see ./data/SOURCES.md). A name is "Họ + tên đệm + tên"; the middle name
 * carries the gender in most names ("Văn" for men, "Thị" for women), so it is drawn from the list
 * of the person's gender, and so is the given name. Also the identity details a case file holds:
 * year of birth, CCCD number, telephone, occupation.
 */
import { z } from 'zod';
import type { Gender } from '../domain/vocabulary.js';
import namesJson from './data/names.json';
import { weightedTable, type Rng, type WeightedTable } from './prng.js';

const Weighted = z.array(z.tuple([z.string().min(1), z.number().positive()]));
const Given = z.array(z.tuple([z.string().min(1), z.number().positive(), z.enum(['male', 'female', 'unisex']).nullable()]));
const NamesFile = z.object({
  source: z.string(),
  surnames: Weighted,
  middle: z.object({ male: Weighted, female: Weighted }),
  given: z.object({ male: Given, female: Given }),
});

interface NameTables {
  readonly surnames: WeightedTable<string>;
  readonly middle: Record<Gender, WeightedTable<string>>;
  readonly given: Record<Gender, WeightedTable<string>>;
}

let tables: NameTables | undefined;

/** Built on first use: parsing and indexing the name lists costs a few milliseconds. */
function nameTables(): NameTables {
  if (!tables) {
    const data = NamesFile.parse(namesJson);
    const givenTable = (list: z.infer<typeof Given>) => weightedTable(list.map(([name, weight]) => [name, weight] as const));
    tables = {
      surnames: weightedTable(data.surnames),
      middle: { male: weightedTable(data.middle.male), female: weightedTable(data.middle.female) },
      given: { male: givenTable(data.given.male), female: givenTable(data.given.female) },
    };
  }
  return tables;
}

/**
 * A full name of the given gender, e.g. "Nguyễn Thị Thu Thảo".
 *
 * @example personName(createRng(7), 'male') // 'Trần Văn Tuấn' (say)
 */
export function personName(rng: Rng, gender: Gender): string {
  const t = nameTables();
  const surname = rng.weighted(t.surnames);
  const middle = rng.weighted(t.middle[gender]);
  let given = rng.weighted(t.given[gender]);
  // "Nguyễn Thị Thảo Thảo" would be a typo, not a name: draw again (twice at most, then accept).
  for (let tries = 0; tries < 2 && (middle.endsWith(` ${given}`) || middle === given || surname === given); tries += 1) {
    given = rng.weighted(t.given[gender]);
  }
  return `${surname} ${middle} ${given}`;
}

export function randomGender(rng: Rng, femaleShare = 0.5): Gender {
  return rng.chance(femaleShare) ? 'female' : 'male';
}

/** Mobile prefixes of the Vietnamese carriers since the 2018 renumbering. */
const MOBILE_PREFIXES = ['090', '091', '093', '094', '096', '097', '098', '086', '088', '089', '070', '076', '077', '078', '079', '081', '082', '083', '084', '085', '032', '033', '034', '035', '036', '037', '038', '039'];

function digits(rng: Rng, count: number): string {
  let out = '';
  for (let i = 0; i < count; i += 1) out += String(rng.int(0, 9));
  return out;
}

export function phoneNumber(rng: Rng): string {
  return rng.pick(MOBILE_PREFIXES) + digits(rng, 7);
}

/**
 * A 12-digit CCCD number laid out as the real ones are: 3 digits for the province of birth
 * registration, 1 for sex and century (0/1 men/women born 1900–1999, 2/3 born 2000–2099), 2 for
 * the year of birth, 6 random. `provinceCode` is the 2-digit GSO code of ./data/admin-units.json.
 */
export function cccdNumber(rng: Rng, provinceCode: string, gender: Gender, birthYear: number): string {
  const century = birthYear >= 2000 ? 2 : 0;
  const sexCentury = century + (gender === 'female' ? 1 : 0);
  return `0${provinceCode.padStart(2, '0')}${sexCentury}${String(birthYear % 100).padStart(2, '0')}${digits(rng, 6)}`;
}

/** A business registration (tax) number of an enterprise registered in Vĩnh Long (prefix 15). */
export function businessNumber(rng: Rng): string {
  return `15${digits(rng, 8)}`;
}

const OCCUPATIONS = weightedTable<string>([
  ['Làm ruộng', 14],
  ['Làm vườn', 6],
  ['Buôn bán', 12],
  ['Kinh doanh', 6],
  ['Làm thuê', 12],
  ['Công nhân', 10],
  ['Nội trợ', 6],
  ['Tài xế', 3],
  ['Thợ hồ', 3],
  ['Nuôi trồng thủy sản', 3],
  ['Giáo viên', 2],
  ['Viên chức', 2],
  ['Công chức', 1],
  ['Hưu trí', 3],
  ['Không nghề nghiệp', 5],
]);

export function occupation(rng: Rng): string {
  return rng.weighted(OCCUPATIONS);
}

/** A year of birth for someone aged between `minAge` and `maxAge` in `year`. */
export function birthYearForAge(rng: Rng, year: number, minAge: number, maxAge: number): number {
  return year - rng.int(minAge, maxAge);
}
