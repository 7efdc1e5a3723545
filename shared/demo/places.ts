/**
 * Addresses built from real commune-level units in force since 1 July 2025 (./data/admin-units.json,
 * see ./data/SOURCES.md). Since that date there are no districts: an address is
 * "[hamlet or street,] commune or ward, province", e.g. "ấp Phú Thạnh, xã Cái Nhum, tỉnh Vĩnh Long".
 * Hamlet and street names are not in the official list; they come from the short lists below
 * (common Mekong-delta hamlet names and streets found in most towns), so a hamlet may not exist
 * in that commune: this is demo data.
 */
import { z } from 'zod';
import unitsJson from './data/admin-units.json';
import { weightedTable, type Rng, type WeightedTable } from './prng.js';

const UnitsFile = z.object({
  source: z.string(),
  provinces: z
    .array(
      z.object({
        code: z.string().regex(/^\d{2}$/),
        name: z.string().min(1),
        type: z.enum(['tỉnh', 'thành phố']),
        units: z.array(z.tuple([z.string().min(1), z.enum(['xã', 'phường', 'đặc khu'])])).min(1),
      }),
    )
    .min(1),
});

export interface Province {
  /** GSO code, e.g. "86" for Vĩnh Long. */
  readonly code: string;
  readonly name: string;
  /** As written at the end of an address: "tỉnh Vĩnh Long", "thành phố Cần Thơ". */
  readonly label: string;
  readonly units: readonly Commune[];
  /** The wards (phường), where firms and law offices usually sit. */
  readonly wards: readonly Commune[];
}

export interface Commune {
  /** As written in an address: "xã Cái Nhum", "phường Long Châu". */
  readonly label: string;
  readonly type: 'xã' | 'phường' | 'đặc khu';
}

export interface Place {
  readonly address: string;
  /** GSO code of the province, for CCCD numbers. */
  readonly provinceCode: string;
  /** "xã Cái Nhum" — used to name the People's Committee of the place. */
  readonly commune: string;
  readonly province: string;
}

/** The demo court's own province: parties mostly live there. */
export const HOME_PROVINCE_CODE = '86';

let provinces: readonly Province[] | undefined;
let neighbours: WeightedTable<Province> | undefined;

function provinceLabel(name: string, type: 'tỉnh' | 'thành phố'): string {
  // "Thành phố Hồ Chí Minh" keeps its capital T in running text; other cities do not.
  if (name === 'Hồ Chí Minh') return 'Thành phố Hồ Chí Minh';
  return `${type} ${name}`;
}

export function allProvinces(): readonly Province[] {
  if (!provinces) {
    provinces = UnitsFile.parse(unitsJson).provinces.map((p) => {
      const units = p.units.map(([shortName, type]): Commune => ({ label: `${type} ${shortName}`, type }));
      return { code: p.code, name: p.name, label: provinceLabel(p.name, p.type), units, wards: units.filter((u) => u.type === 'phường') };
    });
  }
  return provinces;
}

export function homeProvince(): Province {
  const home = allProvinces().find((p) => p.code === HOME_PROVINCE_CODE);
  if (!home) throw new Error('admin-units.json lacks the home province');
  return home;
}

function neighbourTable(): WeightedTable<Province> {
  if (!neighbours) {
    // Cần Thơ and Đồng Tháp border Vĩnh Long; people also move to Ho Chi Minh City for work.
    const weights: Record<string, number> = { '92': 4, '82': 3, '91': 2, '79': 3 };
    neighbours = weightedTable(
      allProvinces()
        .filter((p) => p.code !== HOME_PROVINCE_CODE)
        .map((p) => [p, weights[p.code] ?? 1] as const),
    );
  }
  return neighbours;
}

const HAMLETS = [
  'Phú Thạnh', 'Tân Qui', 'Long Hòa', 'An Thới', 'Hòa Lợi', 'Mỹ Phú', 'Bình Thuận', 'Thạnh Hưng', 'Phước Hậu',
  'Tân Định', 'Hòa Hưng', 'Long Thạnh', 'An Bình', 'Phú Hòa', 'Tân Thuận', 'Vĩnh Hòa', 'Mỹ Hòa', 'Bình Hòa',
  'Thới Hòa', 'Hưng Nhơn', 'Phú Long', 'Tân Lập', 'Đông Hậu', 'Giồng Lức', 'Cây Gòn', 'Rạch Bàng', 'Kinh Xáng',
  'Thành Lợi', 'Hiếu Hòa', 'Phước Thới', 'An Hòa', 'Mỹ Thạnh', 'Trà Ngoa', 'Sóc Ruộng', 'Ô Tre', 'Bưng Trường',
];
const STREETS = [
  'Trần Phú', 'Lê Lợi', 'Hùng Vương', 'Nguyễn Huệ', 'Phạm Thái Bường', 'Trưng Nữ Vương', '2 Tháng 9', '30 Tháng 4',
  'Nguyễn Trãi', 'Trần Hưng Đạo', 'Phan Bội Châu', 'Lý Thường Kiệt', 'Nguyễn Đình Chiểu', 'Điện Biên Phủ',
  'Võ Văn Kiệt', 'Mậu Thân', 'Nguyễn Thị Minh Khai', 'Lê Thái Tổ', 'Phạm Hùng', 'Nguyễn Văn Linh',
];

/** The part before the commune: a hamlet in a xã, a street or a quarter in a phường. */
function localPart(rng: Rng, commune: Commune, provinceCode: string): string {
  if (commune.type === 'phường') {
    if (rng.chance(0.55)) return `số ${rng.int(1, 320)} đường ${rng.pick(STREETS)}`;
    // The Mekong provinces call urban quarters "khóm", Ho Chi Minh City "khu phố".
    return provinceCode === '79' ? `khu phố ${rng.int(1, 12)}` : `khóm ${rng.int(1, 9)}`;
  }
  return rng.chance(0.85) ? `ấp ${rng.pick(HAMLETS)}` : `ấp ${rng.int(1, 9)}`;
}

/**
 * A home address: in Vĩnh Long with probability `homeShare`, else in a neighbouring province.
 *
 * @example homeAddress(rng).address // 'ấp Long Hòa, xã Cái Nhum, tỉnh Vĩnh Long'
 */
export function homeAddress(rng: Rng, homeShare = 0.85): Place {
  const province = rng.chance(homeShare) ? homeProvince() : rng.weighted(neighbourTable());
  return placeIn(rng, province);
}

export function placeIn(rng: Rng, province: Province, options: { urban?: boolean } = {}): Place {
  const pool = options.urban ? province.wards : province.units;
  const commune = rng.pick(pool.length > 0 ? pool : province.units);
  return {
    address: `${localPart(rng, commune, province.code)}, ${commune.label}, ${province.label}`,
    provinceCode: province.code,
    commune: commune.label,
    province: province.label,
  };
}

/** A commune of the home province, for naming a People's Committee ("Ủy ban nhân dân xã …"). */
export function homeCommune(rng: Rng): Commune {
  return rng.pick(homeProvince().units);
}

/** An address inside a given commune of the home province (the seat of its People's Committee). */
export function placeInCommune(rng: Rng, commune: Commune): Place {
  const province = homeProvince();
  return {
    address: `${localPart(rng, commune, province.code)}, ${commune.label}, ${province.label}`,
    provinceCode: province.code,
    commune: commune.label,
    province: province.label,
  };
}

/** The place of an address built here (same address, its province's code), for people living together. */
export function placeOfAddress(address: string): Place {
  const province = allProvinces().find((p) => address.endsWith(p.label)) ?? homeProvince();
  const parts = address.split(', ');
  return { address, provinceCode: province.code, commune: parts[parts.length - 2] ?? '', province: province.label };
}
