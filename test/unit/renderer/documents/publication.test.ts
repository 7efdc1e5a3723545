import { describe, expect, it } from 'vitest';
import { notPublishedReasons } from '../../../../renderer/documents/publication.js';
import { HearingSchema, PartySchema } from '../../../../shared/domain/schemas.js';

const hearing = (closed: boolean) => HearingSchema.parse({ id: `h${String(closed)}`, startsAt: '2026-01-05T08:00', closed });
const party = (isMinor: boolean) => PartySchema.parse({ id: `p${String(isMinor)}`, role: 'plaintiff', fullName: 'Nguyễn Văn An', isMinor });

describe('notPublishedReasons (NQ 03/2017 Art. 4)', () => {
  it('publishes an open hearing of adults', () => {
    expect(notPublishedReasons({ hearings: [hearing(false)], parties: [party(false)] })).toEqual([]);
  });

  it('bars a case with any closed hearing or any minor, giving each reason', () => {
    expect(notPublishedReasons({ hearings: [hearing(false), hearing(true)], parties: [party(false)] })).toEqual(['closedHearing']);
    expect(notPublishedReasons({ hearings: [], parties: [party(true)] })).toEqual(['minor']);
    expect(notPublishedReasons({ hearings: [hearing(true)], parties: [party(true)] })).toEqual(['closedHearing', 'minor']);
  });
});
