/** The hearing record in a minutes doc: events appended, attendance merged per person across replicas. */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CaseSchema } from '../../../../shared/domain/schemas.js';
import { appendHearingEvent, attendanceParagraphs, initHearingRecord, readAttendance, readHearingEvents, recordAttendance, summonedPeople } from '../../../../shared/drafting/hearing-record.js';

function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

describe('hearing record', () => {
  it('keeps both clerks\' ticks and both stamps when two replicas edit offline', () => {
    const a = new Y.Doc({ gc: false });
    initHearingRecord(a);
    const b = new Y.Doc({ gc: false });
    sync(a, b);
    recordAttendance(a, new Map([['party:p1', { present: true, recordedAt: 't1' }]]));
    recordAttendance(b, new Map([['party:p2', { present: false, note: 'ốm', recordedAt: 't2' }]]));
    appendHearingEvent(a, { kind: 'opened', at: 't1', by: 'a' });
    appendHearingEvent(b, { kind: 'phase', phase: 'opening', at: 't2', by: 'b' });
    sync(a, b);
    expect([...readAttendance(a).keys()].sort()).toEqual(['party:p1', 'party:p2']);
    expect(readHearingEvents(a)).toHaveLength(2);
    expect(readHearingEvents(b)).toEqual(readHearingEvents(a));
  });

  it('reads an empty record from a doc without one', () => {
    const doc = new Y.Doc();
    expect(readHearingEvents(doc)).toEqual([]);
    expect(readAttendance(doc).size).toBe(0);
  });

  it('lists the summoned with role and title, and writes the clerk\'s report', () => {
    const kase = CaseSchema.parse({
      id: 'c1',
      courtId: 'tand',
      type: 'DS',
      level: 'ST',
      acceptanceNumber: '12/2025/TLST-DS',
      acceptanceDate: '2025-03-01',
      subject: 'Tranh chấp hợp đồng vay tài sản',
      createdAt: '2025-03-01T00:00:00Z',
      updatedAt: '2025-03-01T00:00:00Z',
      parties: [
        { id: 'd1', role: 'defendant', fullName: 'Trần Thị Mơ', gender: 'female' },
        { id: 'p1', role: 'plaintiff', fullName: 'Nguyễn Văn An', gender: 'male' },
        { id: 'o1', role: 'interestedParty', kind: 'organisation', fullName: 'Công ty TNHH Bình Minh' },
      ],
    });
    const people = summonedPeople(kase);
    expect(people.map((p) => p.label)).toEqual(['Nguyên đơn: Ông Nguyễn Văn An', 'Bị đơn: Bà Trần Thị Mơ', 'Người có quyền lợi, nghĩa vụ liên quan: Công ty TNHH Bình Minh']);
    const paragraphs = attendanceParagraphs(
      people,
      new Map([
        ['party:p1', { present: true, note: 'ignored when present', recordedAt: 't' }],
        ['party:d1', { present: false, note: 'ốm', recordedAt: 't' }],
      ]),
    );
    expect(paragraphs.map((p) => p.content?.[0]?.text)).toEqual(['- Nguyên đơn: Ông Nguyễn Văn An: có mặt.', '- Bị đơn: Bà Trần Thị Mơ: vắng mặt (lý do: ốm).']);
  });
});
