/** A minimal valid case for deadline tests; each test states only what matters to it. */
import { CaseSchema, type Case, type CaseInput, type HearingInput } from '../../../../shared/domain/schemas.js';

const NUMBERS: Record<string, string> = { ST: 'TLST', PT: 'TLPT', GĐT: 'TLGĐT', TT: 'TLTT' };

export function makeCase(input: Partial<CaseInput> & Pick<CaseInput, 'type' | 'acceptanceDate'>): Case {
  const level = input.level ?? 'ST';
  return CaseSchema.parse({
    id: 'c-test',
    courtId: 'court',
    level,
    acceptanceNumber: `1/${input.acceptanceDate.slice(0, 4)}/${NUMBERS[level]}-${input.type}`,
    subject: 'V/v thử nghiệm',
    createdAt: '2025-01-01T00:00:00Z',
    updatedAt: '2025-01-01T00:00:00Z',
    ...input,
  });
}

export function hearing(id: string, startsAt: string, status: HearingInput['status'], extra: Partial<HearingInput> = {}): HearingInput {
  return { id, kind: 'trial', startsAt, status, ...extra };
}
