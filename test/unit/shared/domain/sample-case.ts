/** A small valid case for the domain tests: two parties, a lawyer acting for one, one hearing. */
import { CaseSchema, type Case, type CaseInput } from '../../../../shared/domain/schemas.js';

export const NOW = '2025-06-02T02:00:00.000Z';

export function sampleCaseInput(): CaseInput {
  return {
    id: 'c-000001',
    courtId: 'tand-kv1-vinhlong',
    type: 'DS',
    level: 'ST',
    acceptanceNumber: '12/2025/TLST-DS',
    acceptanceDate: '2025-03-10',
    subject: 'V/v tranh chấp hợp đồng vay tài sản',
    status: 'preparing',
    judgeId: 's-judge-01',
    clerkId: 's-clerk-01',
    parties: [
      { id: 'p-1', role: 'plaintiff', fullName: 'Nguyễn Văn An', gender: 'male', birthYear: 1970, address: 'ấp Phú Thạnh, xã Cái Nhum, tỉnh Vĩnh Long', order: 1 },
      { id: 'p-2', role: 'defendant', fullName: 'Trần Thị Bình', gender: 'female', birthYear: 1975, address: 'phường Long Châu, tỉnh Vĩnh Long', order: 2 },
      { id: 'p-3', role: 'legalRightsProtector', fullName: 'Lê Minh Châu', actsFor: ['p-1'], organisation: 'Văn phòng Luật sư Công Lý', order: 3 },
    ],
    hearings: [{ id: 'h-1', kind: 'trial', startsAt: '2025-06-10T07:30', room: 'Phòng xử án số 1' }],
    createdAt: '2025-03-10T01:00:00.000Z',
    updatedAt: '2025-03-10T01:00:00.000Z',
  };
}

export function sampleCase(): Case {
  return CaseSchema.parse(sampleCaseInput());
}
