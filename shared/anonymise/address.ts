/**
 * Addresses (§3.3): the province stays, every lower unit keeps its kind and its initial, house
 * numbers and numbered units stay ("Số 92, khu D, thị trấn Đ, huyện C, tỉnh Lạng Sơn";
 * "ấp Phú Thạnh, xã Tân Hòa, tỉnh Vĩnh Long" → "ấp P, xã T, tỉnh Vĩnh Long").
 */
import { eitherCase, initialOf, WORD_END, WORD_START } from './letters.js';

/** Administrative and street units, longest first (post-2025 units included: đặc khu). */
const UNITS = ['tổ dân phố', 'khu phố', 'thị trấn', 'thị xã', 'thành phố', 'đặc khu', 'ấp', 'thôn', 'xóm', 'bản', 'buôn', 'sóc', 'khóm', 'khu', 'tổ', 'đường', 'phố', 'hẻm', 'ngõ', 'ngách', 'kiệt', 'phường', 'xã', 'quận', 'huyện', 'tỉnh'];
const UNIT = `(?:${UNITS.map((u) => u.split(' ').map(eitherCase).join('\\s+')).join('|')})`;
/** A place name: capitalised words or numbers ("Phú Thạnh", "1", "Lê Lợi"). */
const NAME_WORD = '(?:\\p{Lu}[\\p{L}\\p{M}]*|\\d+[\\p{L}]*)';
const NAME = `${NAME_WORD}(?:\\s+${NAME_WORD})*`;
const SEGMENT = new RegExp(`${WORD_START}(${UNIT})(\\s+)(${NAME})${WORD_END}`, 'gu');

const CITIES = ['Hà Nội', 'Hồ Chí Minh', 'Hải Phòng', 'Đà Nẵng', 'Cần Thơ', 'Huế'];
/** The province-level unit that ends an address. */
const PROVINCE = `(?:${eitherCase('tỉnh')}\\s+${NAME}|${eitherCase('thành')}\\s+phố\\s+(?:${CITIES.join('|')})|TP\\.?\\s*(?:${CITIES.join('|')}))`;

/** Reduces the unit names of an address part (everything before the province) to initials. */
export function reduceUnits(text: string): string {
  return text.replace(SEGMENT, (whole, unit: string, space: string, name: string) => (/^\d/.test(name) ? whole : `${unit}${space}${initialOf(name)}`));
}

/** The anonymised form of a whole address: all but its last (province-level) part reduced. */
export function anonymiseAddress(address: string): string {
  const text = address.normalize('NFC');
  const last = text.lastIndexOf(',');
  if (last === -1) return new RegExp(`^${PROVINCE}$`, 'u').test(text.trim()) ? text : reduceUnits(text);
  return reduceUnits(text.slice(0, last)) + text.slice(last);
}

/**
 * An address written in running text: unit segments separated by commas, ending with the
 * province. Used for the addresses the party data does not hold (a parent's, a crime scene's).
 */
export const ADDRESS_CHAIN = new RegExp(
  `${WORD_START}(?:(?:[Ss]ố\\s+[\\dA-Za-z/-]+\\s*,?\\s*)?${UNIT}\\s+${NAME}\\s*,\\s*)+(${PROVINCE})${WORD_END}`,
  'gu',
);

/** Names of bodies that carry a place name without it being anyone's address ("Công an thành phố L…"). */
export const INSTITUTION_BEFORE = /(?:nhân dân|công an|ủy ban|uỷ ban|ubnd|chi cục|cục|sở|phòng|đội|ban|hội|đoàn luật sư|văn phòng|trại|bệnh viện|trường|kiểm sát)\s*$/iu;
