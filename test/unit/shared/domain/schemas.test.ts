import { describe, expect, it } from 'vitest';
import {
  CaseSchema,
  CourtFileSchema,
  HearingSchema,
  LocalDate,
  LocalDateTime,
  PartySchema,
} from '../../../../shared/domain/schemas.js';
import { validate } from '../../../../shared/domain/validate.js';
import { sampleCaseInput } from './sample-case.js';

const NFD_NGUYEN = 'Nguye\u0302\u0303n Va\u0306n An';

describe('text normalisation on parse', () => {
  it('turns an NFD name into NFC', () => {
    expect(NFD_NGUYEN).not.toBe('Nguyễn Văn An');
    const party = PartySchema.parse({ id: 'p-1', role: 'plaintiff', fullName: NFD_NGUYEN });
    expect(party.fullName).toBe('Nguyễn Văn An');
    expect(party.fullName).toBe(party.fullName.normalize('NFC'));
    expect(party.fullName.length).toBe('Nguyễn Văn An'.length);
  });

  it('trims and collapses whitespace, including no-break spaces', () => {
    const party = PartySchema.parse({ id: 'p-1', role: 'plaintiff', fullName: '  Trần\u00a0 Thị   Bình ', address: ' ấp Phú Thạnh,  xã Cái Nhum ' });
    expect(party.fullName).toBe('Trần Thị Bình');
    expect(party.address).toBe('ấp Phú Thạnh, xã Cái Nhum');
  });

  it('normalises every text field of a whole case', () => {
    const input = sampleCaseInput();
    input.subject = 'V/v tranh cha\u0302\u0301p ho\u031b\u0323p \u0111o\u0302\u0300ng';
    const parsed = CaseSchema.parse(input);
    expect(parsed.subject).toBe('V/v tranh chấp hợp đồng');
  });

  it('fills the defaults a party needs', () => {
    const party = PartySchema.parse({ id: 'p-1', role: 'witness', fullName: 'Lê Văn Cường' });
    expect(party).toMatchObject({ kind: 'person', address: '', actsFor: [], isMinor: false, order: 0 });
  });
});

describe('refusals with Vietnamese messages', () => {
  it.each(['', '   ', '\u00a0'])('refuses the empty party name %j', (fullName) => {
    const result = validate(PartySchema, { id: 'p-1', role: 'plaintiff', fullName });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.messageVi).toContain('Họ tên: Họ tên đương sự không được để trống');
    expect(result.error.messageEn).toContain('Full name');
  });

  it('refuses an unknown role', () => {
    expect(PartySchema.safeParse({ id: 'p-1', role: 'judge', fullName: 'A' }).success).toBe(false);
  });

  it.each([
    ['2025-02-30', 'Ngày không tồn tại'],
    ['2024-13-01', 'Ngày không tồn tại'],
    ['2025-2-3', 'Ngày phải có dạng YYYY-MM-DD'],
    ['03/02/2025', 'Ngày phải có dạng YYYY-MM-DD'],
  ])('refuses the date %s', (raw, message) => {
    const parsed = LocalDate.safeParse(raw);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe(message);
  });

  it('accepts 29 February in a leap year only', () => {
    expect(LocalDate.safeParse('2024-02-29').success).toBe(true);
    expect(LocalDate.safeParse('2025-02-29').success).toBe(false);
  });

  it.each(['2025-06-10T24:00', '2025-06-10T08:60', '2025-06-31T08:00', '2025-06-10 08:00'])('refuses the hearing time %s', (startsAt) => {
    expect(LocalDateTime.safeParse(startsAt).success).toBe(false);
    expect(HearingSchema.safeParse({ id: 'h-1', startsAt }).success).toBe(false);
  });

  it('refuses a case whose acceptance number is a judgment number, naming the field', () => {
    const input = { ...sampleCaseInput(), acceptanceNumber: '34/2025/DS-ST' };
    const result = validate(CaseSchema, input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.messageVi).toMatch(/^Dữ liệu chưa hợp lệ\. Số thụ lý: .*không hợp lệ/);
  });

  it('refuses a file of another format in Vietnamese', () => {
    const result = validate(CourtFileSchema, { format: 'other', formatVersion: 1, generatedAt: '2025-01-01T00:00:00Z', court: {}, staff: [], cases: [] });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.messageVi).toContain('Không phải tệp dữ liệu Tòa án của Courtdesk');
  });
});

describe('official numbers are canonicalised on parse', () => {
  it.each([
    ['acceptanceNumber', '6/2025/tlst- ds', '06/2025/TLST-DS'],
    ['trialDecisionNumber', 'Số: 23/2025/QDXXST-DS', '23/2025/QĐXXST-DS'],
    ['judgmentNumber', '34 / 2025 / ds – st', '34/2025/DS-ST'],
  ] as const)('%s %j becomes %j', (field, raw, canonical) => {
    const parsed = CaseSchema.parse({ ...sampleCaseInput(), [field]: raw });
    expect(parsed[field]).toBe(canonical);
  });

  it('reads the eth "Ð" typed for "Đ" as Đ', () => {
    const parsed = CaseSchema.parse({ ...sampleCaseInput(), type: 'HNGĐ', acceptanceNumber: '7/2025/TLST-HNGÐ' });
    expect(parsed.acceptanceNumber).toBe('07/2025/TLST-HNGĐ');
  });
});
