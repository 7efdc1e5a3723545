/** Whole cases of a scope from a real replica (fake-indexeddb), and the cache that follows edits. */
import { afterEach, describe, expect, it } from 'vitest';
import { loadScopedCases } from '../../../../renderer/dayplan/scoped-cases.js';
import { openReplica } from '../../../../renderer/replica/replica.js';
import type { Replica } from '../../../../renderer/replica/types.js';
import { scopeFor, WHOLE_COURT } from '../../../../shared/caseload/scope.js';
import { generateCourt } from '../../../../shared/demo/index.js';
import { updateCaseFields } from '../../../../shared/domain/case-mutations.js';
import { fakeIdb } from '../replica/fixtures.js';

const court = generateCourt({ cases: 40, seed: 4, today: '2026-03-04' });
const opened: Replica[] = [];
afterEach(() => {
  for (const replica of opened.splice(0)) replica.close();
});

describe('loadScopedCases', () => {
  it('reads every case of the court, or of a judge, and sees an edit made after a first read', async () => {
    const replica = await openReplica(fakeIdb());
    opened.push(replica);
    await replica.importCourtFile(court);
    const all = await loadScopedCases(replica, WHOLE_COURT);
    expect(all.cases.map((c) => c.id).sort()).toEqual(court.cases.map((c) => c.id).sort());
    expect(all.unreadable).toEqual([]);

    const judgeId = court.cases[0]!.judgeId!;
    const mine = await loadScopedCases(replica, scopeFor(court.staff, judgeId));
    expect(mine.cases.every((c) => c.judgeId === judgeId)).toBe(true);
    expect(mine.cases.length).toBe(court.cases.filter((c) => c.judgeId === judgeId).length);

    const target = court.cases[0]!;
    const edited = await replica.editCase(target.id, (doc, ctx) => updateCaseFields(doc, { notes: 'Ghi chú mới của thư ký' }, ctx));
    expect(edited.ok).toBe(true);
    const again = await loadScopedCases(replica, WHOLE_COURT);
    expect(again.cases.find((c) => c.id === target.id)?.notes).toBe('Ghi chú mới của thư ký');
  });
});
