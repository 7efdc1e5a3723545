/**
 * Aliases of people and organisations (CV 144; §3.3):
 * - a person keeps family and middle names, the given name becomes its initial:
 *   "Nguyễn Văn An" → "Nguyễn Văn A"; when two different people would get the same alias they are
 *   numbered in the order of the party list: "Phan Hoài H1", "Phan Hoài H2";
 * - a business keeps its legal form and the words that only say its line of business, the rest
 *   becomes initials: "Công ty TNHH Hoàng Bảo" → "Công ty TNHH HB". State bodies keep their names
 *   (they are public authorities, and published administrative judgments name them).
 */
import { initialOf } from './letters.js';

export interface PersonAlias {
  /** The name as given (NFC, single spaces). */
  readonly name: string;
  readonly words: readonly string[];
  /** What the given name becomes: its initial, plus a number on collision ("H1"). */
  readonly givenReplacement: string;
  readonly alias: string;
}

const clean = (name: string): string => name.normalize('NFC').trim().replace(/\s+/g, ' ');

/** Plans the aliases of distinct people at once, so collisions are numbered consistently. */
export function planPersonAliases(names: readonly string[]): PersonAlias[] {
  const distinct: string[] = [];
  const seen = new Set<string>();
  for (const raw of names) {
    const name = clean(raw);
    const key = name.toLocaleLowerCase('vi');
    if (name !== '' && !seen.has(key)) {
      seen.add(key);
      distinct.push(name);
    }
  }
  const base = distinct.map((name) => {
    const words = name.split(' ');
    const given = initialOf(words[words.length - 1] ?? '');
    return { name, words, given, stem: words.slice(0, -1).join(' ') };
  });
  const groups = new Map<string, number>();
  for (const b of base) groups.set(`${b.stem} ${b.given}`.toLocaleLowerCase('vi'), (groups.get(`${b.stem} ${b.given}`.toLocaleLowerCase('vi')) ?? 0) + 1);
  const counters = new Map<string, number>();
  return base.map((b) => {
    const key = `${b.stem} ${b.given}`.toLocaleLowerCase('vi');
    let givenReplacement = b.given;
    if ((groups.get(key) ?? 0) > 1) {
      const n = (counters.get(key) ?? 0) + 1;
      counters.set(key, n);
      givenReplacement = `${b.given}${n}`;
    }
    return { name: b.name, words: b.words, givenReplacement, alias: b.stem === '' ? givenReplacement : `${b.stem} ${givenReplacement}` };
  });
}

/** Legal forms, longest first: kept as written. */
const LEGAL_FORMS = [
  'Công ty trách nhiệm hữu hạn một thành viên',
  'Công ty trách nhiệm hữu hạn hai thành viên trở lên',
  'Công ty trách nhiệm hữu hạn',
  'Công ty TNHH một thành viên',
  'Công ty TNHH hai thành viên trở lên',
  'Công ty TNHH MTV',
  'Công ty TNHH',
  'Công ty cổ phần',
  'Công ty CP',
  'Công ty hợp danh',
  'Tổng công ty',
  'Công ty',
  'Doanh nghiệp tư nhân',
  'DNTN',
  'Ngân hàng thương mại cổ phần',
  'Ngân hàng TMCP',
  'Ngân hàng',
  'Hợp tác xã',
  'Tập đoàn',
];

/** Words that say only what a business does: they identify no one and keep the copy readable. */
const GENERIC = new Set(
  ['thương mại', 'dịch vụ', 'xây dựng', 'sản xuất', 'đầu tư', 'phát triển', 'xuất nhập khẩu', 'vận tải', 'du lịch', 'kỹ thuật', 'công nghệ', 'tư vấn', 'bất động sản', 'tài chính', 'bảo hiểm', 'và', 'chi nhánh'].map((w) => w.toLocaleLowerCase('vi')),
);

/** The alias of a business name, or undefined for organisations that keep their name. */
export function organisationAlias(raw: string): string | undefined {
  const name = clean(raw);
  const lower = name.toLocaleLowerCase('vi');
  const form = LEGAL_FORMS.find((f) => lower.startsWith(`${f.toLocaleLowerCase('vi')} `));
  if (!form) return undefined;
  const rest = name.slice(form.length).trim().split(' ');
  const kept: string[] = [];
  let initials = '';
  for (let i = 0; i < rest.length; i += 1) {
    const word = rest[i] ?? '';
    const pair = `${word} ${rest[i + 1] ?? ''}`.toLocaleLowerCase('vi');
    const triple = `${pair} ${rest[i + 2] ?? ''}`.toLocaleLowerCase('vi');
    const generic = GENERIC.has(triple) ? 3 : GENERIC.has(pair) ? 2 : GENERIC.has(word.toLocaleLowerCase('vi')) ? 1 : 0;
    if (generic > 0 && initials === '') {
      kept.push(rest.slice(i, i + generic).join(' '));
      i += generic - 1;
    } else initials += /^\d/.test(word) ? word : initialOf(word);
  }
  if (initials === '') return undefined;
  return [name.slice(0, form.length), ...kept, initials].join(' ');
}
