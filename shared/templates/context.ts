/**
 * Builds the render context of a case: a plain tree of values whose paths are the field paths of
 * templates (field-spec.ts lists them all). Everything is derived from the domain model (Court,
 * StaffMember[], Case and one of its hearings); data the model does not hold yet (a defendant's
 * ethnicity, the remote sites of an online hearing, the time a hearing ended) comes in `extra`, or
 * stays absent and renders as a visibly missing field.
 *
 * @example
 * const ctx = buildContext({ court, staff, kase, hearingKinds: ['trial'] });
 * getValue(ctx, 'hearing.opening'); // "Vào hồi 08 giờ 00 phút, ngày 05 tháng 01 năm 2026"
 */
import type { Case, Court, Hearing, Party, PanelMember, StaffMember } from '../domain/schemas.js';
import {
  ACTING_ROLES,
  ATTENDANCE_LABELS,
  CASE_TYPE_LABELS,
  GENDER_LABELS,
  HEARING_KIND_LABELS,
  HEARING_STATUS_LABELS,
  OFFENCE_CLASS_LABELS,
  PANEL_ROLE_LABELS,
  PARTY_ROLE_LABELS,
  PARTY_ROLES,
  PRINCIPAL_ROLES_BY_CASE_TYPE,
  PROCEDURE_LEVEL_LABELS,
  type HearingKind,
  type PartyRole,
} from '../domain/vocabulary.js';
import { formatClock, formatHeaderDate, formatLegalDate, formatOpening, clockParts } from './dates.js';
import type { ContextObject, ContextValue } from './paths.js';

export interface ContextInput {
  readonly court: Court;
  readonly staff: readonly StaffMember[];
  readonly kase: Case;
  /** The hearing the document is about; default: the latest of `hearingKinds`. */
  readonly hearingId?: string;
  /** Which hearing kinds the template is about (TemplateMeta.hearingKinds). */
  readonly hearingKinds?: readonly HearingKind[];
  /** `YYYY-MM-DD`: the document's date. Default: none (the field is then missing). */
  readonly today?: string;
  /**
   * Values the domain model does not hold, by dotted path, set after the build:
   * `{ 'hearing.endTime': '10 giờ 30 phút', 'parties.byId.p1.ethnicity': 'Kinh' }`.
   * `parties.byId.<id>` reaches the same object as every list the party appears in.
   */
  readonly extra?: Readonly<Record<string, ContextValue>>;
}

type Mutable = Record<string, ContextValue>;

const blankToUndefined = (value: string | undefined): string | undefined => (value && value.trim() !== '' ? value : undefined);

function stripPrefix(value: string, prefix: RegExp): string {
  return value.replace(prefix, '');
}

function capitalise(value: string | undefined): string | undefined {
  return value === undefined ? undefined : value.charAt(0).toLocaleUpperCase('vi') + value.slice(1);
}

function upper(value: string | undefined): string | undefined {
  return value === undefined ? undefined : value.toLocaleUpperCase('vi');
}

function courtContext(court: Court): ContextObject {
  const designation = stripPrefix(court.name, /^\s*tòa án\s+/iu);
  const place = stripPrefix(court.province, /^\s*(tỉnh|thành phố|tp\.?)\s+/iu);
  const nameWithProvince = court.name.toLowerCase().endsWith(court.province.toLowerCase())
    ? court.name
    : `${court.name}, ${court.province}`;
  return {
    name: court.name,
    upperName: upper(court.name),
    designation,
    upperDesignation: upper(designation),
    province: court.province,
    place,
    nameWithProvince,
    address: blankToUndefined(court.address),
    procuracyName: blankToUndefined(court.procuracyName),
  };
}

function honorific(gender: 'male' | 'female' | undefined): string {
  if (gender === 'male') return 'Ông';
  if (gender === 'female') return 'Bà';
  return 'Ông (Bà)';
}

function panelMemberContext(member: PanelMember | undefined, staff: readonly StaffMember[], court: Court): Mutable | undefined {
  if (!member) return undefined;
  const person = staff.find((s) => s.id === member.staffId);
  const title = honorific(person?.gender);
  const organisation =
    member.role === 'prosecutor' || member.role === 'alternateProsecutor'
      ? blankToUndefined(person?.organisation) ?? blankToUndefined(court.procuracyName)
      : blankToUndefined(person?.organisation) ?? court.name;
  return {
    name: member.name,
    honorific: title,
    titledName: `${title} ${member.name}`,
    organisation,
    roleLabel: PANEL_ROLE_LABELS[member.role].vi,
  };
}

function staffAsPanelMember(staffId: string | undefined, role: PanelMember['role'], staff: readonly StaffMember[]): PanelMember | undefined {
  const person = staff.find((s) => s.id === staffId);
  return person ? { id: `staff-${person.id}`, role, staffId: person.id, name: person.name, order: 0 } : undefined;
}

function panelContext(kase: Case, staff: readonly StaffMember[], court: Court): ContextObject {
  const sorted = [...kase.panel].sort((a, b) => a.order - b.order);
  const of = (role: PanelMember['role']) => sorted.filter((m) => m.role === role);
  const ctx = (m: PanelMember) => panelMemberContext(m, staff, court) as Mutable;
  // A case without a recorded panel still has the judge and clerk the Chánh án assigned.
  const presidingMember = of('presidingJudge')[0] ?? staffAsPanelMember(kase.judgeId, 'presidingJudge', staff);
  const clerkMember = of('clerk')[0] ?? staffAsPanelMember(kase.clerkId, 'clerk', staff);
  const presiding = panelMemberContext(presidingMember, staff, court);
  const judges = of('judge').map(ctx);
  const assessors = of('assessor').map(ctx);
  const members = [...(presiding ? [presiding] : []), ...judges, ...assessors];
  const prosecutor = panelMemberContext(of('prosecutor')[0], staff, court);
  const alternates = {
    alternateJudges: of('alternateJudge').map(ctx),
    alternateAssessors: of('alternateAssessor').map(ctx),
    alternateClerks: of('alternateClerk').map(ctx),
    alternateProsecutors: of('alternateProsecutor').map(ctx),
  };
  return {
    presiding,
    judges,
    assessors,
    members,
    otherMembers: [...judges, ...assessors],
    clerk: panelMemberContext(clerkMember, staff, court),
    prosecutor,
    ...alternates,
    size: members.length,
    hasAlternates: Object.values(alternates).some((list) => list.length > 0),
    hasProsecutor: prosecutor !== undefined,
  };
}

function pickHearing(kase: Case, hearingId: string | undefined, kinds: readonly HearingKind[] | undefined): Hearing | undefined {
  if (hearingId !== undefined) return kase.hearings.find((h) => h.id === hearingId);
  const candidates = kase.hearings
    .filter((h) => !kinds || kinds.length === 0 || kinds.includes(h.kind))
    .filter((h) => h.status !== 'cancelled')
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  // The hearing that was held (or is about to be) is the latest one that was not adjourned.
  return candidates.filter((h) => h.status !== 'adjourned').at(-1) ?? candidates.at(-1);
}

function hearingContext(hearing: Hearing | undefined, court: Court): ContextObject {
  if (!hearing) return { remoteSites: [] };
  const clock = clockParts(hearing.startsAt);
  const room = blankToUndefined(hearing.room);
  return {
    kind: hearing.kind,
    kindLabel: HEARING_KIND_LABELS[hearing.kind].vi,
    startsAt: hearing.startsAt,
    date: formatLegalDate(hearing.startsAt),
    dateTitle: capitalise(formatLegalDate(hearing.startsAt)),
    hour: clock?.hour,
    minute: clock?.minute,
    time: formatClock(hearing.startsAt),
    opening: formatOpening(hearing.startsAt),
    room,
    venue: room ? `${room}, trụ sở ${court.name}` : `Trụ sở ${court.name}`,
    closed: hearing.closed,
    online: hearing.online,
    publicity: hearing.closed ? 'kín' : 'công khai',
    status: hearing.status,
    statusLabel: HEARING_STATUS_LABELS[hearing.status].vi,
    outcome: blankToUndefined(hearing.outcome),
    remoteSites: [],
  };
}

function partyBase(party: Party, hearing: Hearing | undefined, kase: Case): Mutable {
  const isPerson = party.kind === 'person';
  const title = isPerson ? honorific(party.gender) : undefined;
  const mark = hearing?.attendance[party.id];
  return {
    fullName: party.fullName,
    honorific: title,
    titledName: title ? `${title} ${party.fullName}` : party.fullName,
    roleLabel: PARTY_ROLE_LABELS[party.role].vi,
    gender: party.gender ? GENDER_LABELS[party.gender].vi : undefined,
    birthYear: party.birthYear,
    address: blankToUndefined(party.address),
    occupation: blankToUndefined(party.occupation),
    idNumber: blankToUndefined(party.idNumber),
    organisation: blankToUndefined(party.organisation),
    isPerson,
    isOrganisation: !isPerson,
    isMinor: party.isMinor,
    attendance: mark ? ATTENDANCE_LABELS[mark].vi.toLowerCase() : undefined,
    present: mark === 'present',
    absent: mark === 'absent',
    // The subject of a criminal case is its charge; a defendant charged differently gets `extra`.
    charge: party.role === 'accused' ? subjectText(kase) : undefined,
    residence: blankToUndefined(party.address),
  };
}

function partiesContext(kase: Case, hearing: Hearing | undefined): { ctx: ContextObject; byId: Record<string, Mutable> } {
  const sorted = [...kase.parties].sort((a, b) => a.order - b.order);
  const byId: Record<string, Mutable> = {};
  for (const party of sorted) byId[party.id] = partyBase(party, hearing, kase);
  const actingFor = (role: PartyRole, principal: Party) =>
    sorted.filter((p) => p.role === role && p.actsFor.includes(principal.id)).map((p) => byId[p.id] as Mutable);
  for (const party of sorted) {
    const own = byId[party.id] as Mutable;
    if (!ACTING_ROLES.includes(party.role)) {
      own.representatives = actingFor('representative', party);
      own.protectors = actingFor('legalRightsProtector', party);
      own.counsel = actingFor('defenceCounsel', party);
    }
    const principals = sorted.filter((p) => party.actsFor.includes(p.id)).map((p) => p.fullName);
    own.actsForNames = principals.length > 0 ? principals.join(', ') : undefined;
  }
  const byRole: Mutable = {};
  const namesByRole: Mutable = {};
  for (const role of PARTY_ROLES) {
    const list = sorted.filter((p) => p.role === role);
    byRole[role] = list.map((p) => byId[p.id] as Mutable);
    namesByRole[role] = list.length > 0 ? list.map((p) => p.fullName).join(', ') : undefined;
  }
  const principalRoles = PRINCIPAL_ROLES_BY_CASE_TYPE[kase.type];
  const principals = principalRoles.flatMap((role) => byRole[role] as Mutable[]);
  const attendance = hearing?.attendance ?? {};
  return {
    byId,
    ctx: {
      byRole,
      namesByRole,
      principals,
      all: sorted.map((p) => byId[p.id] as Mutable),
      byId,
      hasMinor: sorted.some((p) => p.isMinor),
      hasAbsent: Object.values(attendance).includes('absent'),
    },
  };
}

/** The subject without a leading "V/v" or "Về việc". */
function subjectText(kase: Case): string {
  return kase.subject.replace(/^\s*(v\/v|về việc)\s*:?\s*/iu, '');
}

function caseContext(kase: Case): ContextObject {
  const typeLabel = CASE_TYPE_LABELS[kase.type].vi;
  const kindLabel = kase.proceeding === 'lawsuit' ? 'vụ án' : 'việc';
  const subject = subjectText(kase);
  const date = (value: string | undefined) => (value ? formatLegalDate(value) : undefined);
  return {
    acceptanceNumber: kase.acceptanceNumber,
    acceptanceDate: date(kase.acceptanceDate),
    type: kase.type,
    typeLabel,
    typeLabelLower: typeLabel.toLowerCase(),
    level: kase.level,
    levelLabel: PROCEDURE_LEVEL_LABELS[kase.level].vi,
    kindLabel,
    matterLabel: `${kindLabel} ${typeLabel.toLowerCase()}`,
    subject: kase.subject,
    subjectText: subject,
    subjectLine: `V/v ${subject}`,
    offenceClassLabel: kase.offenceClass ? OFFENCE_CLASS_LABELS[kase.offenceClass].vi : undefined,
    trialDecisionNumber: kase.trialDecisionNumber,
    trialDecisionDate: date(kase.trialDecisionDate),
    judgmentNumber: kase.judgmentNumber,
    judgmentDate: date(kase.judgmentDate),
    judgmentDateHeader: kase.judgmentDate ? formatHeaderDate(kase.judgmentDate) : undefined,
  };
}

/** Sets a value at a dotted path, creating objects on the way (for `extra`). */
function setValue(root: Mutable, path: string, value: ContextValue): void {
  const segments = path.split('.');
  let current: Mutable = root;
  for (const segment of segments.slice(0, -1)) {
    const next = current[segment];
    if (next === undefined || typeof next !== 'object') current[segment] = {};
    current = current[segment] as Mutable;
  }
  current[segments.at(-1) ?? ''] = value;
}

/** The render context of one case (and one of its hearings). */
export function buildContext(input: ContextInput): ContextObject {
  const { court, staff, kase } = input;
  const hearing = pickHearing(kase, input.hearingId, input.hearingKinds);
  const parties = partiesContext(kase, hearing);
  const documentDate = input.today ? formatLegalDate(input.today) : undefined;
  const root: Mutable = {
    court: courtContext(court),
    case: caseContext(kase),
    panel: panelContext(kase, staff, court),
    parties: parties.ctx,
    hearing: hearingContext(hearing, court),
    deliberation: { date: hearing ? formatLegalDate(hearing.startsAt) : undefined },
    document: {
      date: documentDate,
      placeDate: documentDate ? `${courtContext(court).place as string}, ${documentDate}` : undefined,
    },
  };
  for (const [path, value] of Object.entries(input.extra ?? {})) setValue(root, path, value);
  return root;
}

/** The id of the hearing a context would use (for recording it on a draft). */
export function selectedHearingId(kase: Case, hearingId?: string, kinds?: readonly HearingKind[]): string | undefined {
  return pickHearing(kase, hearingId, kinds)?.id;
}
