import { describe, expect, it } from 'vitest';
import type { DOCUMENT_KINDS } from '../../../../shared/domain/vocabulary.js';
import { capacitiesOf, requiredSigners } from '../../../../shared/drafting/signers.js';
import { PANEL } from './fixtures.js';

function signers(kind: (typeof DOCUMENT_KINDS)[number], panel = PANEL) {
  const result = requiredSigners(kind, panel);
  return result.ok ? result.value.map((s) => `${s.capacity}:${s.staffId}`) : result.error.code;
}

describe('required signers per kind', () => {
  it('minutes: chủ tọa and thư ký; deliberation: every sitting panel member; judgment and decisions: chủ tọa', () => {
    expect(signers('hearingMinutes')).toEqual(['presidingJudge:s-judge-01', 'clerk:s-clerk-01']);
    expect(signers('mediationMinutes')).toEqual(['presidingJudge:s-judge-01', 'clerk:s-clerk-01']);
    expect(signers('deliberationMinutes')).toEqual(['presidingJudge:s-judge-01', 'assessor:s-assessor-03', 'assessor:s-assessor-07']);
    expect(signers('judgment')).toEqual(['presidingJudge:s-judge-01']);
    expect(signers('decision')).toEqual(['presidingJudge:s-judge-01']);
    expect(signers('other')).toEqual(['presidingJudge:s-judge-01']);
  });

  it('a three-judge panel signs deliberation minutes with all three; alternates and the prosecutor never sign', () => {
    const panel = [
      { staffId: 'j1', role: 'presidingJudge', name: 'A' },
      { staffId: 'j2', role: 'judge', name: 'B' },
      { staffId: 'j3', role: 'judge', name: 'C' },
      { staffId: 'j4', role: 'alternateJudge', name: 'D' },
      { staffId: 'a1', role: 'alternateAssessor', name: 'E' },
      { staffId: 'k1', role: 'clerk', name: 'F' },
    ];
    expect(signers('deliberationMinutes', panel)).toEqual(['presidingJudge:j1', 'judge:j2', 'judge:j3']);
  });

  it('a single judge without the presiding mark presides; no judge or no clerk is a clear error', () => {
    const single = [
      { staffId: 'j1', role: 'judge', name: 'A' },
      { staffId: 'k1', role: 'clerk', name: 'B' },
    ];
    expect(signers('mediationMinutes', single)).toEqual(['presidingJudge:j1', 'clerk:k1']);
    expect(signers('judgment', [{ staffId: 'k1', role: 'clerk', name: 'B' }])).toBe('signing.noPresiding');
    expect(signers('hearingMinutes', [{ staffId: 'j1', role: 'presidingJudge', name: 'A' }])).toBe('signing.noClerk');
    const result = requiredSigners('judgment', []);
    expect(!result.ok && result.error.messageVi).toMatch(/Chủ tọa/);
  });

  it('tells which capacities a staff member signs in', () => {
    const result = requiredSigners('hearingMinutes', PANEL);
    expect(result.ok && capacitiesOf(result.value, 's-clerk-01').map((c) => c.capacity)).toEqual(['clerk']);
    expect(result.ok && capacitiesOf(result.value, 's-prosecutor-02')).toEqual([]);
    expect(result.ok && capacitiesOf(result.value, undefined)).toEqual([]);
  });
});
