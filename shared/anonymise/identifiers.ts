/**
 * Numbers that identify a person, found by their shape and by the words before them: CCCD/CMND,
 * passport, phone, bank account, vehicle plate, e-mail. Each is masked character by character
 * (letters and digits → "*", punctuation kept), so the sentence still reads and the length shows.
 */
import type { ReplacementKind } from './model.js';

export interface IdentifierRule {
  readonly kind: ReplacementKind;
  /** Global, Unicode; group 1, when present, is the part to mask (the rest is the cue). */
  readonly pattern: RegExp;
  /** Extra check on the masked part (e.g. a phone has 10 digits). */
  readonly accept?: (value: string) => boolean;
  /** Rules with a cue word ("tài khoản số") win over shape-only rules on the same digits. */
  readonly cued?: boolean;
}

export function mask(value: string): string {
  return value.replace(/[\p{L}\p{N}]/gu, '*');
}

const digits = (value: string): number => value.replace(/\D/g, '').length;

export const IDENTIFIER_RULES: readonly IdentifierRule[] = [
  { kind: 'email', pattern: /(?<![\w.+-])([\w.+-]+@[\w-]+(?:\.[\w-]+)+)/gu },
  {
    kind: 'idNumber',
    pattern: /(?:CCCD|CMND|CMTND|[Cc]ăn cước(?: công dân)?|[Cc]hứng minh (?:nhân dân|thư)|[Đđ]ịnh danh cá nhân)(?:\s+số)?\s*:?\s*(\d[\d .]{7,14}\d)(?!\d)/gu,
    accept: (v) => [9, 12].includes(digits(v)),
    cued: true,
  },
  { kind: 'idNumber', pattern: /(?<![\d.])(\d{12})(?![\d.])/gu },
  { kind: 'passport', pattern: /(?:[Hh]ộ chiếu)(?:\s+số)?\s*:?\s*([A-Z]\d{7,8})(?!\d)/gu, cued: true },
  { kind: 'passport', pattern: /(?<![\p{L}\p{N}])([A-Z]\d{7})(?![\p{L}\p{N}])/gu },
  {
    kind: 'phone',
    pattern: /(?<![\d.,])((?:\+84|0)\s?\d{2,3}[\s.]?\d{3}[\s.]?\d{3,4})(?![\d.,]\d|\d)/gu,
    accept: (v) => digits(v) === (v.startsWith('+') ? 11 : 10),
  },
  { kind: 'bankAccount', pattern: /[Tt]ài khoản(?:\s+ngân hàng)?(?:\s+số)?\s*:?\s*(\d[\d .-]{4,22}\d)(?!\d)/gu, cued: true },
  { kind: 'plate', pattern: /(?<![\p{L}\p{N}])(\d{2}[A-Z]{1,2}\d?\s*-\s*(?:\d{3}\s*\.\s*\d{2}|\d{4,5}))(?![\p{N}])/gu },
];
