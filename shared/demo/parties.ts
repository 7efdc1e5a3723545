/**
 * The participants of a demo case, by the roles its type uses (PRINCIPAL_ROLES_BY_CASE_TYPE):
 * who sues whom follows the subject's `shape` (a bank suing a borrower, a worker suing the
 * employer, spouses in a divorce), then those who act for them (representatives, counsel, with
 * `actsFor`), then witnesses. Display order is by role, as the forms list them.
 */
import type { Party } from '../domain/schemas.js';
import { roleOrder, type CaseType, type Gender, type PartyRole } from '../domain/vocabulary.js';
import {
  administrativeRespondent,
  companyName,
  counselAffiliation,
  lenderName,
  representativePost,
} from './organisations.js';
import { birthYearForAge, businessNumber, cccdNumber, occupation, personName, phoneNumber, randomGender } from './people.js';
import { homeAddress, homeCommune, homeProvince, placeIn, placeInCommune, placeOfAddress, type Place } from './places.js';
import type { CasePlan } from './plan.js';
import type { Rng } from './prng.js';

interface PersonOptions {
  readonly gender?: Gender;
  readonly minAge?: number;
  readonly maxAge?: number;
  readonly minor?: boolean;
  readonly place?: Place;
  readonly occupation?: string;
  readonly organisation?: string;
  readonly actsFor?: readonly string[];
  /** Principals carry identity details (CCCD, phone); counsel and representatives of firms do not. */
  readonly identity?: boolean;
}

/** Collects the parties of one case, numbering their ids. */
class PartyList {
  private readonly parties: Party[] = [];

  constructor(
    private readonly rng: Rng,
    private readonly idPrefix: string,
    private readonly year: number,
  ) {}

  private nextId(): string {
    return `${this.idPrefix}-${String(this.parties.length + 1).padStart(2, '0')}`;
  }

  person(role: PartyRole, options: PersonOptions = {}): Party {
    const rng = this.rng;
    const gender = options.gender ?? randomGender(rng, 0.45);
    const birthYear = options.minor
      ? birthYearForAge(rng, this.year, 14, 17)
      : birthYearForAge(rng, this.year, options.minAge ?? 20, options.maxAge ?? 70);
    const place = options.place ?? homeAddress(rng);
    const identity = options.identity ?? true;
    const party: Party = {
      id: this.nextId(),
      role,
      kind: 'person',
      fullName: personName(rng, gender),
      gender,
      birthYear,
      address: place.address,
      ...(identity && !options.minor && rng.chance(0.6) ? { idNumber: cccdNumber(rng, place.provinceCode, gender, birthYear) } : {}),
      ...(identity && !options.minor && rng.chance(0.4) ? { phone: phoneNumber(rng) } : {}),
      ...(options.occupation !== undefined ? { occupation: options.occupation } : identity ? { occupation: options.minor ? 'Học sinh' : occupation(rng) } : {}),
      actsFor: [...(options.actsFor ?? [])],
      ...(options.organisation !== undefined ? { organisation: options.organisation } : {}),
      isMinor: options.minor ?? false,
      order: 0,
    };
    this.parties.push(party);
    return party;
  }

  organisation(role: PartyRole, name: string, place: Place, withNumber: boolean): Party {
    const party: Party = {
      id: this.nextId(),
      role,
      kind: 'organisation',
      fullName: name,
      address: place.address,
      ...(withNumber ? { idNumber: businessNumber(this.rng) } : {}),
      actsFor: [],
      isMinor: false,
      order: 0,
    };
    this.parties.push(party);
    return party;
  }

  /** The employee or officer who represents an organisation under a written authorisation. */
  representativeOf(org: Party): Party {
    return this.person('representative', {
      occupation: representativePost(this.rng, org.fullName),
      organisation: org.fullName,
      actsFor: [org.id],
      identity: false,
      place: placeOfAddress(org.address),
      minAge: 28,
      maxAge: 58,
    });
  }

  /** A lawyer or legal-aid officer for `principals`. */
  counsel(role: 'legalRightsProtector' | 'defenceCounsel', principals: readonly Party[]): Party {
    const affiliation = counselAffiliation(this.rng);
    return this.person(role, {
      ...affiliation,
      actsFor: principals.map((p) => p.id),
      identity: false,
      place: placeIn(this.rng, homeProvince(), { urban: true }),
      minAge: 28,
      maxAge: 65,
    });
  }

  /** A relative who represents a person (a parent for a minor, a family member by authorisation). */
  relativeFor(principal: Party, minAge = 35, maxAge = 65): Party {
    return this.person('representative', {
      actsFor: [principal.id],
      place: placeOfAddress(principal.address),
      minAge,
      maxAge,
    });
  }

  /** Sorted by the role order of the forms, then in the order added; `order` numbered from 1. */
  finish(type: CaseType): Party[] {
    const rank = new Map(roleOrder(type).map((role, i) => [role, i]));
    const indexed = this.parties.map((party, index) => ({ party, index }));
    indexed.sort((a, b) => (rank.get(a.party.role) ?? 99) - (rank.get(b.party.role) ?? 99) || a.index - b.index);
    // The list owns these objects until now: number them in place rather than copy each one.
    return indexed.map(({ party }, i) => Object.assign(party, { order: i + 1 }));
  }
}

function some(rng: Rng, weights: readonly number[]): number {
  const total = weights.reduce((a, b) => a + b, 0);
  let point = rng.next() * total;
  for (let i = 0; i < weights.length; i += 1) {
    point -= weights[i]!;
    if (point < 0) return i;
  }
  return weights.length - 1;
}

function times(n: number, make: () => Party): Party[] {
  return Array.from({ length: n }, make);
}

/** Builds the parties of a planned case. `idPrefix` is e.g. "p-000123"; `year` the current year. */
export function buildParties(rng: Rng, plan: CasePlan, idPrefix: string, year: number): Party[] {
  const list = new PartyList(rng, idPrefix, year);
  if (plan.type === 'HS') criminalParties(rng, list, plan);
  else civilParties(rng, list, plan);
  return list.finish(plan.type);
}

function maybeProtector(rng: Rng, list: PartyList, principals: readonly Party[], chance: number): void {
  if (principals.length > 0 && rng.chance(chance)) list.counsel('legalRightsProtector', principals);
}

function civilParties(rng: Rng, list: PartyList, plan: CasePlan): void {
  const shape = plan.subject?.shape ?? 'persons';
  const interested = (n: number) => times(n, () => list.person('interestedParty'));
  switch (shape) {
    case 'persons': {
      const plaintiffs = times(rng.chance(0.15) ? 2 : 1, () => list.person('plaintiff'));
      const defendants = times(rng.chance(0.3) ? 2 : 1, () => list.person('defendant'));
      interested(some(rng, [50, 30, 20]));
      if (rng.chance(0.25)) list.relativeFor(plaintiffs[0]!);
      maybeProtector(rng, list, plaintiffs, 0.15);
      maybeProtector(rng, list, defendants, 0.1);
      if (rng.chance(0.15)) list.person('witness');
      return;
    }
    case 'lender': {
      const lender = list.organisation('plaintiff', lenderName(rng), placeIn(rng, homeProvince(), { urban: true }), false);
      list.representativeOf(lender);
      const borrower = list.person('defendant');
      if (rng.chance(0.45)) list.person('defendant', { gender: borrower.gender === 'male' ? 'female' : 'male', place: placeOfAddress(borrower.address) });
      interested(rng.chance(0.25) ? 1 : 0);
      return;
    }
    case 'companies': {
      const plaintiff = list.organisation('plaintiff', companyName(rng), placeIn(rng, homeProvince(), { urban: true }), true);
      list.representativeOf(plaintiff);
      if (rng.chance(0.3)) {
        list.person('defendant', { occupation: 'Chủ hộ kinh doanh' });
      } else {
        const defendant = list.organisation('defendant', companyName(rng), homeAddress(rng, 0.7), true);
        list.representativeOf(defendant);
      }
      maybeProtector(rng, list, [plaintiff], 0.2);
      return;
    }
    case 'personVsCompany': {
      const plaintiff = list.person('plaintiff');
      const company = list.organisation('defendant', companyName(rng), placeIn(rng, homeProvince(), { urban: true }), true);
      list.representativeOf(company);
      maybeProtector(rng, list, [plaintiff], 0.25);
      return;
    }
    case 'employee':
    case 'employer': {
      const worker = list.person(shape === 'employee' ? 'plaintiff' : 'defendant', { occupation: 'Công nhân', minAge: 20, maxAge: 55 });
      const company = list.organisation(shape === 'employee' ? 'defendant' : 'plaintiff', companyName(rng), homeAddress(rng, 0.8), true);
      list.representativeOf(company);
      maybeProtector(rng, list, [worker], 0.25);
      return;
    }
    case 'spouses':
    case 'family':
    case 'spousesPetition': {
      const wifeFirst = shape === 'spousesPetition' || rng.chance(0.65);
      const roles: [PartyRole, PartyRole] = shape === 'spousesPetition' ? ['petitioner', 'petitioner'] : ['plaintiff', 'defendant'];
      const husbandAge = rng.int(24, 62);
      const wifeAge = Math.max(19, husbandAge - rng.int(0, 6));
      const wife: PersonOptions = { gender: 'female', minAge: wifeAge, maxAge: wifeAge };
      const husband: PersonOptions = { gender: 'male', minAge: husbandAge, maxAge: husbandAge };
      const first = list.person(roles[0], wifeFirst ? wife : husband);
      // Many couples who divorce already live apart; the others share one address.
      const together = rng.chance(0.4) ? { place: placeOfAddress(first.address) } : {};
      const second = list.person(roles[1], { ...(wifeFirst ? husband : wife), ...together });
      if (shape === 'spouses' && rng.chance(0.15)) {
        if (rng.chance(0.5)) list.organisation('interestedParty', lenderName(rng), placeIn(rng, homeProvince(), { urban: true }), false);
        else list.person('interestedParty', { minAge: 45, maxAge: 80 });
      }
      if (shape !== 'spousesPetition') maybeProtector(rng, list, [rng.chance(0.5) ? first : second], 0.1);
      return;
    }
    case 'civilPetition': {
      list.person('petitioner');
      interested(some(rng, [30, 50, 20]));
      return;
    }
    case 'admin': {
      const claimant = rng.chance(0.88) ? list.person('claimant', { minAge: 30, maxAge: 75 }) : list.organisation('claimant', companyName(rng), homeAddress(rng, 0.9), true);
      const commune = homeCommune(rng);
      const name = administrativeRespondent(rng, commune.label, homeProvince().label);
      // A commune's committee sits in that commune; the province's bodies in a ward of the capital.
      const seat = name.includes(commune.label) ? placeInCommune(rng, commune) : placeIn(rng, homeProvince(), { urban: true });
      const respondent = list.organisation('respondent', name, seat, false);
      list.representativeOf(respondent);
      interested(some(rng, [50, 35, 15]));
      maybeProtector(rng, list, [claimant], 0.25);
      return;
    }
    case 'bankruptcy': {
      const debtor = companyName(rng);
      const creditorIsLender = rng.chance(0.5);
      const petitioner = creditorIsLender
        ? list.organisation('petitioner', lenderName(rng), placeIn(rng, homeProvince(), { urban: true }), false)
        : list.organisation('petitioner', companyName(rng), homeAddress(rng, 0.7), true);
      list.representativeOf(petitioner);
      const debtorParty = list.organisation('interestedParty', debtor, placeIn(rng, homeProvince()), true);
      list.representativeOf(debtorParty);
      return;
    }
    case 'adminMeasure': {
      const place = homeAddress(rng, 1);
      const minor = plan.subject?.subject.includes('trường giáo dưỡng') ?? false;
      const commune = homeProvince().units.find((u) => u.label === place.commune) ?? homeCommune(rng);
      const petitioner = list.organisation('petitioner', `Ủy ban nhân dân ${commune.label}`, placeInCommune(rng, commune), false);
      list.representativeOf(petitioner);
      const person = list.person('interestedParty', { gender: rng.chance(0.9) ? 'male' : 'female', minor, minAge: 18, maxAge: 45, place });
      if (minor) list.relativeFor(person);
      return;
    }
  }
}

function criminalParties(rng: Rng, list: PartyList, plan: CasePlan): void {
  const charge = plan.charge;
  const serious = charge?.offenceClass === 'verySerious' || charge?.offenceClass === 'especiallySerious';
  const accused = times(1 + some(rng, [70, 20, 10]), () => {
    const minor = !serious && rng.chance(0.04);
    return list.person('accused', { gender: rng.chance(0.9) ? 'male' : 'female', minor, minAge: 18, maxAge: 55 });
  });
  // Counsel is mandatory for minors and for offences punishable by the heaviest penalties (BLTTHS Điều 76).
  for (const person of accused) {
    if (person.isMinor || charge?.offenceClass === 'especiallySerious' || rng.chance(0.3)) list.counsel('defenceCounsel', [person]);
    if (person.isMinor) list.relativeFor(person);
  }
  if (charge?.hasVictim) {
    const victims = times(rng.chance(0.8) ? 1 : 2, () => list.person('victim', { minor: charge.closed === true }));
    for (const victim of victims) if (victim.isMinor) list.relativeFor(victim);
    maybeProtector(rng, list, victims, 0.1);
  }
  if (charge?.charge.startsWith('Vi phạm quy định về tham gia giao thông') && rng.chance(0.5)) {
    list.person('civilDefendant', { minAge: 30, maxAge: 65 });
  }
  if (rng.chance(0.05)) list.person('civilPlaintiff');
  if (rng.chance(0.2)) list.person('interestedParty');
  times(some(rng, [55, 25, 15, 5]), () => list.person('witness'));
}
