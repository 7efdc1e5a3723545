/**
 * The demo court and its staff directory. The court is a real post-2025 regional court (the name
 * form "Tòa án nhân dân khu vực 1 - Vĩnh Long" is the one on published 2025 judgments); the people
 * are invented. Staff numbers scale with the caseload: for 300 cases about 8 judges, 10 clerks,
 * 20 lay assessors and 6 prosecutors, which is the ratio of a mid-sized regional court.
 */
import type { Court, StaffMember } from '../domain/schemas.js';
import type { Gender } from '../domain/vocabulary.js';
import { ASSESSOR_ORGANISATIONS, YOUTH_ASSESSOR_ORGANISATIONS } from './organisations.js';
import { personName, randomGender } from './people.js';
import type { Rng } from './prng.js';

export const DEMO_COURT: Court = {
  id: 'tand-kv1-vinhlong',
  name: 'Tòa án nhân dân khu vực 1 - Vĩnh Long',
  province: 'tỉnh Vĩnh Long',
  level: 'regional',
  address: 'phường Long Châu, tỉnh Vĩnh Long',
  procuracyName: 'Viện kiểm sát nhân dân khu vực 1 - Vĩnh Long',
};

export interface StaffCounts {
  readonly judges: number;
  readonly clerks: number;
  readonly assessors: number;
  readonly prosecutors: number;
}

/** How many of each the court has for `cases` cases; never fewer than a court can sit with. */
export function staffCounts(cases: number): StaffCounts {
  const judges = Math.max(2, Math.round(cases / 37.5));
  return {
    judges,
    clerks: Math.max(judges, Math.round(cases / 30)),
    assessors: Math.max(6, Math.round(cases / 15)),
    prosecutors: Math.max(2, Math.round(cases / 50)),
  };
}

/** The directory split by role, as the case builder needs it. */
export interface StaffDirectory {
  readonly all: readonly StaffMember[];
  readonly judges: readonly StaffMember[];
  /** Clerks who serve each judge (every judge has at least one). */
  readonly clerksByJudge: ReadonlyMap<string, readonly StaffMember[]>;
  readonly assessors: readonly StaffMember[];
  /** Assessors who may sit on a minor's trial (a teacher or a Youth Union officer). */
  readonly youthAssessors: readonly StaffMember[];
  readonly prosecutors: readonly StaffMember[];
}

function ordinal(n: number): string {
  return String(n).padStart(2, '0');
}

function member(
  rng: Rng,
  id: string,
  role: StaffMember['role'],
  femaleShare: number,
  extra: { organisation?: string; servesJudgeIds?: string[] } = {},
): StaffMember {
  const gender: Gender = randomGender(rng, femaleShare);
  return {
    id,
    name: personName(rng, gender),
    role,
    gender,
    ...(extra.organisation !== undefined ? { organisation: extra.organisation } : {}),
    servesJudgeIds: extra.servesJudgeIds ?? [],
  };
}

export function generateStaff(rng: Rng, cases: number): StaffDirectory {
  const counts = staffCounts(cases);
  const judges = Array.from({ length: counts.judges }, (_, i) => member(rng, `s-judge-${ordinal(i + 1)}`, 'judge', 0.45));

  const clerks: StaffMember[] = [];
  for (let i = 0; i < counts.clerks; i += 1) {
    // The first clerks cover one judge each, so no judge is left without one; some also help a
    // second judge, and the remaining clerks are shared between two judges.
    const first = i % counts.judges;
    const serves = [judges[first]!.id];
    const shared = i >= counts.judges || rng.chance(0.35);
    if (shared && counts.judges > 1) serves.push(judges[(first + 1 + (i >= counts.judges ? 2 : 0)) % counts.judges]!.id);
    clerks.push(member(rng, `s-clerk-${ordinal(i + 1)}`, 'clerk', 0.65, { servesJudgeIds: [...new Set(serves)] }));
  }

  const youthCount = Math.max(1, Math.round(counts.assessors / 10));
  const assessors = Array.from({ length: counts.assessors }, (_, i) =>
    member(rng, `s-assessor-${ordinal(i + 1)}`, 'assessor', 0.45, {
      organisation: i < youthCount ? YOUTH_ASSESSOR_ORGANISATIONS[i % YOUTH_ASSESSOR_ORGANISATIONS.length]! : rng.pick(ASSESSOR_ORGANISATIONS),
    }),
  );
  const prosecutors = Array.from({ length: counts.prosecutors }, (_, i) =>
    member(rng, `s-prosecutor-${ordinal(i + 1)}`, 'prosecutor', 0.45, { organisation: DEMO_COURT.procuracyName }),
  );

  const clerksByJudge = new Map<string, StaffMember[]>(judges.map((j) => [j.id, []]));
  for (const clerk of clerks) for (const judgeId of clerk.servesJudgeIds) clerksByJudge.get(judgeId)!.push(clerk);

  return {
    all: [...judges, ...clerks, ...assessors, ...prosecutors],
    judges,
    clerksByJudge,
    assessors,
    youthAssessors: assessors.slice(0, youthCount),
    prosecutors,
  };
}
