/**
 * Parsing and formatting of the official numbers of a case and its documents
 * (vn-court-forms.md §2.2):
 *
 * | kind             | canonical form          | example               |
 * |------------------|-------------------------|-----------------------|
 * | acceptance       | `n/yyyy/TL{ST,PT}-XX`   | `12/2025/TLST-DS`     |
 * | trialDecision    | `n/yyyy/QĐXX{ST,PT}-XX` | `23/2025/QĐXXST-HS`   |
 * | judgment         | `n/yyyy/XX-{ST,PT,GĐT,TT}` | `34/2025/DS-ST`    |
 * | decision         | `n/yyyy/QĐ{ST,PT}-XX`   | `72/2025/QĐST-HNGĐ`   |
 * | adjournment      | `n/yyyy/XXST-QĐ`        | `43/2025/HSST-QĐ`     |
 *
 * Real documents vary: no year ("50/TLST-HS"), stray spaces ("TLST- HS"), lower case, "Ð" (eth)
 * for "Đ", codes typed without the stroke ("HNGD", "QDXXST"), the old "QĐXX-ST", and "Số:" in front.
 * The parser accepts those and the formatter always writes the canonical form.
 */
import { CASE_TYPES, PROCEDURE_LEVELS, type CaseType, type ProcedureLevel } from './vocabulary.js';
import { domainError, err, ok, type DomainError, type Result } from './result.js';

export const CASE_NUMBER_KINDS = ['acceptance', 'trialDecision', 'judgment', 'decision', 'adjournment'] as const;
export type CaseNumberKind = (typeof CASE_NUMBER_KINDS)[number];

export interface CaseNumber {
  readonly kind: CaseNumberKind;
  /** The ordinal within the year and court (số thứ tự). */
  readonly ordinal: number;
  /** The year; absent only when the source document omitted it. */
  readonly year?: number;
  readonly caseType: CaseType;
  readonly level: ProcedureLevel;
}

/** Stroke-less spellings of the codes, as typed on keyboards without Vietnamese input. */
const TYPE_ALIASES: Record<string, CaseType> = {
  DS: 'DS',
  HNGĐ: 'HNGĐ',
  HNGD: 'HNGĐ',
  HNVGĐ: 'HNGĐ',
  KDTM: 'KDTM',
  LĐ: 'LĐ',
  LD: 'LĐ',
  HS: 'HS',
  HC: 'HC',
  PS: 'PS',
  BPXLHC: 'BPXLHC',
};

const LEVEL_ALIASES: Record<string, ProcedureLevel> = { ST: 'ST', PT: 'PT', GĐT: 'GĐT', GDT: 'GĐT', TT: 'TT' };

function canonicalUpper(raw: string): string {
  return raw
    .normalize('NFC')
    .replace(/[Ðð]/g, 'Đ')
    .toUpperCase()
    .replace(/^\s*(SỐ|SO)\s*:?\s*/u, '')
    .replace(/[\u2010-\u2015\u2212]/g, '-') // en/em dashes and minus signs typed for "-"
    .replace(/\s*([/-])\s*/g, '$1')
    .replace(/\s+/g, '')
    .replace(/[.,;]+$/, '');
}

function invalid(raw: string, reasonVi: string, reasonEn: string): Result<never, DomainError> {
  return err(
    domainError(
      'caseNumber.invalid',
      `Số "${raw.trim()}" không hợp lệ: ${reasonVi}.`,
      `Number "${raw.trim()}" is not valid: ${reasonEn}.`,
      raw,
    ),
  );
}

function parseYear(text: string | undefined): number | undefined | null {
  if (text === undefined || text === '') return undefined;
  const year = Number(text);
  return year >= 1945 && year <= 2200 ? year : null;
}

/**
 * Parses any official number. `expected`, when given, refuses numbers of another kind.
 *
 * @example parseCaseNumber('06/2021/TLST- HS') // ok: acceptance 6/2021, HS, ST
 */
export function parseCaseNumber(raw: string, expected?: CaseNumberKind): Result<CaseNumber> {
  if (typeof raw !== 'string' || raw.trim() === '') {
    return invalid(String(raw ?? ''), 'chưa nhập số', 'the number is empty');
  }
  const text = canonicalUpper(raw);
  const match = /^(\d{1,5})\/(?:(\d{4})\/)?([\p{L}]+(?:-[\p{L}]+)?)$/u.exec(text);
  if (!match) {
    return invalid(raw, 'cần có dạng "số/năm/ký hiệu", ví dụ 12/2025/TLST-DS', 'expected "n/yyyy/CODE", e.g. 12/2025/TLST-DS');
  }
  const ordinal = Number(match[1]);
  if (ordinal < 1) return invalid(raw, 'số thứ tự phải lớn hơn 0', 'the ordinal must be positive');
  const year = parseYear(match[2]);
  if (year === null) return invalid(raw, `năm ${match[2]} không hợp lý`, `year ${match[2]} is implausible`);
  const parsed = parseCode(match[3] ?? '');
  if (!parsed) {
    return invalid(raw, `không nhận ra ký hiệu "${match[3]}"`, `unrecognised code "${match[3]}"`);
  }
  if (expected && parsed.kind !== expected) {
    return invalid(raw, `đây không phải ${KIND_NAMES_VI[expected]}`, `this is not a ${expected} number`);
  }
  const value: CaseNumber = year === undefined ? { ordinal, ...parsed } : { ordinal, year, ...parsed };
  return ok(value);
}

const KIND_NAMES_VI: Record<CaseNumberKind, string> = {
  acceptance: 'số thụ lý',
  trialDecision: 'số quyết định đưa vụ án ra xét xử',
  judgment: 'số bản án',
  decision: 'số quyết định',
  adjournment: 'số quyết định hoãn phiên tòa',
};

type ParsedCode = Omit<CaseNumber, 'ordinal' | 'year'>;

function parseCode(code: string): ParsedCode | undefined {
  const [head = '', tail] = code.split('-');
  const type = (text: string | undefined) => (text === undefined ? undefined : TYPE_ALIASES[text]);
  const level = (text: string | undefined) => (text === undefined ? undefined : LEVEL_ALIASES[text]);

  // TLST-DS, TLPT-HS
  let m = /^TL(ST|PT|GĐT|GDT|TT)$/u.exec(head);
  if (m && type(tail)) return { kind: 'acceptance', level: level(m[1])!, caseType: type(tail)! };
  // QĐXXST-HS, QDXXPT-DS; the old QĐXX-ST form carries no type
  m = /^Q[ĐD]XX(ST|PT|GĐT|GDT|TT)$/u.exec(head);
  if (m && type(tail)) return { kind: 'trialDecision', level: level(m[1])!, caseType: type(tail)! };
  // QĐST-HNGĐ, QĐPT-DS
  m = /^Q[ĐD](ST|PT|GĐT|GDT|TT)$/u.exec(head);
  if (m && type(tail)) return { kind: 'decision', level: level(m[1])!, caseType: type(tail)! };
  // HSST-QĐ (adjournment decisions)
  m = /^([\p{L}]+?)(ST|PT)$/u.exec(head);
  if (m && type(m[1]) && (tail === 'QĐ' || tail === 'QD')) {
    return { kind: 'adjournment', level: level(m[2])!, caseType: type(m[1])! };
  }
  // DS-ST, HS-PT, KDTM-GĐT
  if (type(head) && level(tail)) return { kind: 'judgment', level: level(tail)!, caseType: type(head)! };
  return undefined;
}

/** Pads the ordinal to two digits, as courts write them ("06/2021"). */
function pad(ordinal: number): string {
  return String(ordinal).padStart(2, '0');
}

/**
 * Writes the canonical form of a number.
 *
 * @example formatCaseNumber({ kind: 'judgment', ordinal: 34, year: 2025, caseType: 'DS', level: 'ST' }) // '34/2025/DS-ST'
 */
export function formatCaseNumber(number: CaseNumber): string {
  const prefix = number.year === undefined ? `${pad(number.ordinal)}` : `${pad(number.ordinal)}/${number.year}`;
  switch (number.kind) {
    case 'acceptance':
      return `${prefix}/TL${number.level}-${number.caseType}`;
    case 'trialDecision':
      return `${prefix}/QĐXX${number.level}-${number.caseType}`;
    case 'decision':
      return `${prefix}/QĐ${number.level}-${number.caseType}`;
    case 'adjournment':
      return `${prefix}/${number.caseType}${number.level}-QĐ`;
    case 'judgment':
      return `${prefix}/${number.caseType}-${number.level}`;
  }
}

/** Parses then formats: the canonical spelling of a number, or the parse error. */
export function canonicalCaseNumber(raw: string, expected?: CaseNumberKind): Result<string> {
  const parsed = parseCaseNumber(raw, expected);
  return parsed.ok ? ok(formatCaseNumber(parsed.value)) : parsed;
}

/** Sort key: year, then ordinal, so 9/2025 sorts before 10/2025 and 2024 before 2025. */
export function caseNumberSortKey(number: CaseNumber): string {
  return `${String(number.year ?? 0).padStart(4, '0')}-${String(number.ordinal).padStart(6, '0')}`;
}

export { CASE_TYPES, PROCEDURE_LEVELS };
