/**
 * The party dialog's form values and their conversion to the input of `upsertParty`. Pure, so the
 * rules a clerk meets (year of birth must be a number, counsel must act for someone) are tested
 * without a browser; everything else is validated by the domain schema, whose Vietnamese message
 * the dialog shows as it is.
 */
import { ACTING_ROLES, type Gender, type PartyRole } from '../../../shared/domain/vocabulary.js';
import type { Party } from '../../../shared/domain/schemas.js';
import type { MessageKey } from '../../i18n/vi.js';

export interface PartyFormValues {
  readonly fullName: string;
  readonly role: PartyRole;
  readonly kind: 'person' | 'organisation';
  readonly gender: '' | Gender;
  readonly birthYear: string;
  readonly address: string;
  readonly idNumber: string;
  readonly phone: string;
  readonly occupation: string;
  readonly organisation: string;
  readonly actsFor: readonly string[];
  readonly isMinor: boolean;
}

export function partyToForm(party: Party | undefined, defaultRole: PartyRole): PartyFormValues {
  return {
    fullName: party?.fullName ?? '',
    role: party?.role ?? defaultRole,
    kind: party?.kind ?? 'person',
    gender: party?.gender ?? '',
    birthYear: party?.birthYear !== undefined ? String(party.birthYear) : '',
    address: party?.address ?? '',
    idNumber: party?.idNumber ?? '',
    phone: party?.phone ?? '',
    occupation: party?.occupation ?? '',
    organisation: party?.organisation ?? '',
    actsFor: party?.actsFor ?? [],
    isMinor: party?.isMinor ?? false,
  };
}

export function isActingRole(role: PartyRole): boolean {
  return ACTING_ROLES.includes(role);
}

export type FormCheck = { readonly ok: true; readonly value: Record<string, unknown> } | { readonly ok: false; readonly messageKey: MessageKey; readonly field: keyof PartyFormValues };

const optional = (text: string): string | undefined => (text.trim() === '' ? undefined : text);

/**
 * Builds the party input: the existing party's other fields are kept (a correction never drops
 * what the form does not show), empty optional fields are removed rather than stored as ''.
 */
export function formToPartyInput(values: PartyFormValues, base: Party | undefined, id: string, order: number): FormCheck {
  const yearText = values.birthYear.trim();
  let birthYear: number | undefined;
  if (yearText !== '') {
    if (!/^\d{4}$/.test(yearText)) return { ok: false, messageKey: 'party.birthYearNotNumber', field: 'birthYear' };
    birthYear = Number(yearText);
  }
  const acting = isActingRole(values.role);
  if (acting && !base && values.actsFor.length === 0) return { ok: false, messageKey: 'party.actsForRequired', field: 'actsFor' };
  const isPerson = values.kind === 'person';
  return {
    ok: true,
    value: {
      ...(base ?? {}),
      id,
      order: base?.order ?? order,
      fullName: values.fullName,
      role: values.role,
      kind: values.kind,
      gender: isPerson && values.gender !== '' ? values.gender : undefined,
      birthYear: isPerson ? birthYear : undefined,
      address: values.address,
      idNumber: optional(values.idNumber),
      phone: optional(values.phone),
      occupation: isPerson ? optional(values.occupation) : undefined,
      organisation: optional(values.organisation),
      actsFor: acting ? [...values.actsFor] : [],
      isMinor: isPerson && values.isMinor,
    },
  };
}
