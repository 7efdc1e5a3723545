import { describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../../server/demo-accounts.js';
import { generateCourt } from '../../../shared/demo/index.js';

describe('demo accounts', () => {
  it('link thuky and thamphan to a clerk and a judge of the demo court who serve the same cases', () => {
    const clerk = DEMO_ACCOUNTS.find((a) => a.user === 'thuky')!;
    const judge = DEMO_ACCOUNTS.find((a) => a.user === 'thamphan')!;
    for (const today of ['2025-11-28', '2026-03-02']) {
      const court = generateCourt({ cases: 300, seed: 1, today });
      const staff = new Map(court.staff.map((s) => [s.id, s]));
      expect(staff.get(judge.staffId!)?.role).toBe('judge');
      expect(staff.get(clerk.staffId!)?.role).toBe('clerk');
      expect(staff.get(clerk.staffId!)?.servesJudgeIds).toContain(judge.staffId);
      const together = court.cases.filter((c) => c.judgeId === judge.staffId && c.clerkId === clerk.staffId);
      expect(together.length).toBeGreaterThan(5);
    }
  });
});
