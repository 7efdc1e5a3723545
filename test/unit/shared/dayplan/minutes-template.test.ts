import { describe, expect, it } from 'vitest';
import { chooseMinutes, recordedAtHearing } from '../../../../shared/dayplan/minutes-template.js';
import { generateCourt } from '../../../../shared/demo/index.js';
import { builtinTemplates } from '../../../../shared/templates/index.js';

const TODAY = '2026-03-02';
const court = generateCourt({ cases: 200, seed: 7, today: TODAY });
const templates = builtinTemplates();

function hearingsOf(kind: string, type?: string) {
  return court.cases.flatMap((kase) => kase.hearings.filter((h) => h.kind === kind && (type === undefined || kase.type === type)).map((hearing) => ({ kase, hearing })));
}

describe('chooseMinutes', () => {
  it('gives a civil first-instance trial the 48-DS minutes (online variant for an online hearing), rendered for that hearing', () => {
    const trials = hearingsOf('trial', 'DS').filter(({ kase }) => kase.level === 'ST');
    expect(trials.length).toBeGreaterThan(0);
    for (const { kase, hearing } of trials) {
      const choice = chooseMinutes(templates, { court: court.court, staff: court.staff, kase, hearing, today: hearing.startsAt.slice(0, 10) });
      expect(choice?.template.meta.id).toBe(hearing.online ? 'NQ01-2017/48-DS/TRUC-TUYEN' : 'NQ01-2017/48-DS');
      expect(choice?.rendered.doc.attrs.templateId).toBe(choice?.template.meta.id);
      // Attendance and the end time are written during the hearing, never a gap of the pack.
      expect(choice?.missing.filter((f) => f.path === 'hearing.endTime').every((f) => f.atHearing)).toBe(true);
    }
  });

  it('gives a mediation the general mediation minutes, and a criminal trial 22-HS', () => {
    const [mediation] = hearingsOf('mediation');
    expect(mediation).toBeDefined();
    const choice = chooseMinutes(templates, { court: court.court, staff: court.staff, kase: mediation!.kase, hearing: mediation!.hearing, today: TODAY });
    expect(choice?.template.meta.id).toBe('NQ01-2017/34-DS');
    const criminal = hearingsOf('trial', 'HS').find(({ kase, hearing }) => kase.level === 'ST' && !hearing.online);
    expect(criminal).toBeDefined();
    expect(chooseMinutes(templates, { court: court.court, staff: court.staff, kase: criminal!.kase, hearing: criminal!.hearing, today: TODAY })?.template.meta.id).toBe('NQ05-2017/22-HS');
  });

  it('answers undefined when no template serves the hearing (a dialogue, or no templates at all)', () => {
    const [trial] = hearingsOf('trial');
    expect(chooseMinutes([], { court: court.court, staff: court.staff, kase: trial!.kase, hearing: trial!.hearing, today: TODAY })).toBeUndefined();
    const dialogue = { ...trial!.hearing, kind: 'dialogue' as const };
    expect(chooseMinutes(templates, { court: court.court, staff: court.staff, kase: trial!.kase, hearing: dialogue, today: TODAY })).toBeUndefined();
  });
});

describe('recordedAtHearing', () => {
  it('marks attendance and supplied fields, not party data', () => {
    expect(recordedAtHearing('parties.byRole.plaintiff.0.attendance')).toBe(true);
    expect(recordedAtHearing('hearing.endTime')).toBe(true);
    expect(recordedAtHearing('parties.byRole.plaintiff.0.birthYear')).toBe(false);
    expect(recordedAtHearing('case.acceptanceNumber')).toBe(false);
  });
});
