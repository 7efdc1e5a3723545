import { describe, expect, it } from 'vitest';
import { formToPartyInput, partyToForm } from '../../../../../renderer/screens/case/party-form.js';
import { PartySchema, type Party } from '../../../../../shared/domain/schemas.js';

const existing: Party = PartySchema.parse({
  id: 'p1',
  role: 'plaintiff',
  fullName: 'Nguyễn Văn An',
  birthYear: 1980,
  address: 'Phường 1, tỉnh Vĩnh Long',
  occupation: 'Nông dân',
  order: 3,
});

describe('party form', () => {
  it('round-trips a party, keeping fields the form does not change', () => {
    const values = { ...partyToForm(existing, 'plaintiff'), address: 'Phường 2, tỉnh Vĩnh Long' };
    const checked = formToPartyInput(values, existing, existing.id, 99);
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    const party = PartySchema.parse(checked.value);
    expect(party).toMatchObject({ id: 'p1', fullName: 'Nguyễn Văn An', birthYear: 1980, address: 'Phường 2, tỉnh Vĩnh Long', order: 3, occupation: 'Nông dân' });
  });

  it('refuses a year of birth that is not a 4-digit number, naming the field', () => {
    const checked = formToPartyInput({ ...partyToForm(existing, 'plaintiff'), birthYear: '19a0' }, existing, 'p1', 0);
    expect(checked).toEqual({ ok: false, messageKey: 'party.birthYearNotNumber', field: 'birthYear' });
  });

  it('leaves the empty name to the domain schema, which refuses it in Vietnamese', () => {
    const checked = formToPartyInput({ ...partyToForm(existing, 'plaintiff'), fullName: '   ' }, existing, 'p1', 0);
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    const parsed = PartySchema.safeParse(checked.value);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe('Họ tên đương sự không được để trống');
  });

  it('asks whom a new representative acts for', () => {
    const values = { ...partyToForm(undefined, 'representative'), fullName: 'Trần Thị Bình' };
    expect(formToPartyInput(values, undefined, 'p9', 1)).toMatchObject({ ok: false, messageKey: 'party.actsForRequired' });
    const withPrincipal = formToPartyInput({ ...values, actsFor: ['p1'] }, undefined, 'p9', 1);
    expect(withPrincipal.ok && withPrincipal.value.actsFor).toEqual(['p1']);
  });

  it('drops person-only fields for an organisation and empty optionals', () => {
    const values = { ...partyToForm(existing, 'plaintiff'), kind: 'organisation' as const, idNumber: '  ', phone: '' };
    const checked = formToPartyInput(values, existing, 'p1', 0);
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(checked.value.birthYear).toBeUndefined();
    expect(checked.value.occupation).toBeUndefined();
    expect(checked.value.idNumber).toBeUndefined();
  });
});
