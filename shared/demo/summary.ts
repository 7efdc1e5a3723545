/**
 * Counts over a court file, for the one-line summary the CLI prints, the demo banner and tests.
 */
import type { CourtFile } from '../domain/schemas.js';
import { CASE_STATUSES, CASE_TYPES, type CaseStatus, type CaseType } from '../domain/vocabulary.js';

export interface CourtSummary {
  readonly court: string;
  readonly cases: number;
  readonly staff: number;
  readonly parties: number;
  readonly hearings: number;
  readonly documents: number;
  readonly byType: Readonly<Record<CaseType, number>>;
  readonly byStatus: Readonly<Record<CaseStatus, number>>;
  /** Hearings whose `startsAt` falls on `today`, when it was given. */
  readonly hearingsToday: number;
}

/**
 * @example summarizeCourt(generateCourt({ cases: 300, seed: 1, today: '2025-11-28' }), '2025-11-28').hearingsToday // > 0
 */
export function summarizeCourt(file: CourtFile, today?: string): CourtSummary {
  const byType = Object.fromEntries(CASE_TYPES.map((t) => [t, 0])) as Record<CaseType, number>;
  const byStatus = Object.fromEntries(CASE_STATUSES.map((s) => [s, 0])) as Record<CaseStatus, number>;
  let parties = 0;
  let hearings = 0;
  let documents = 0;
  let hearingsToday = 0;
  for (const c of file.cases) {
    byType[c.type] += 1;
    byStatus[c.status] += 1;
    parties += c.parties.length;
    hearings += c.hearings.length;
    documents += c.documents.length;
    if (today !== undefined) for (const h of c.hearings) if (h.startsAt.startsWith(today)) hearingsToday += 1;
  }
  return { court: file.court.name, cases: file.cases.length, staff: file.staff.length, parties, hearings, documents, byType, byStatus, hearingsToday };
}
