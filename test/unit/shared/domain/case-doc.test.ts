import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  createCaseDoc,
  entityMap,
  isEmptyCaseDoc,
  readCase,
  readCaseRaw,
  writeCase,
} from '../../../../shared/domain/case-doc.js';
import { DomainException } from '../../../../shared/domain/result.js';
import { CaseSchema } from '../../../../shared/domain/schemas.js';
import { sampleCase, sampleCaseInput } from './sample-case.js';

/** Two replicas that exchange their full updates, as sync would after being offline. */
function exchange(a: Y.Doc, b: Y.Doc): void {
  const fromA = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b));
  const fromB = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a));
  Y.applyUpdate(b, fromA);
  Y.applyUpdate(a, fromB);
}

function clone(doc: Y.Doc, clientID: number): Y.Doc {
  const copy = new Y.Doc();
  copy.clientID = clientID;
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

function partyField(doc: Y.Doc, partyId: string, field: string): unknown {
  return entityMap(doc, 'parties').get(partyId)?.get(field);
}

describe('writeCase / readCase', () => {
  it('round-trips the parsed case exactly', () => {
    const data = sampleCase();
    const doc = new Y.Doc();
    writeCase(doc, data);
    expect(readCase(doc)).toEqual(data);
  });

  it('round-trips a case with attendance, optional fields and several hearings', () => {
    const input = sampleCaseInput();
    input.offenceClass = undefined;
    input.trialDecisionNumber = '23/2025/QĐXXST-DS';
    input.trialDecisionDate = '2025-05-20';
    input.hearings = [
      { id: 'h-2', startsAt: '2025-07-01T13:30', status: 'scheduled' },
      { id: 'h-1', startsAt: '2025-06-10T07:30', status: 'adjourned', adjournmentReason: 'Bị đơn vắng mặt', rescheduledTo: 'h-2', attendance: { 'p-1': 'present', 'p-2': 'absent' } },
    ];
    const data = CaseSchema.parse(input);
    const doc = createCaseDoc(data);
    const back = readCase(doc);
    // Hearings come back in time order; everything else is what went in.
    expect(back.hearings.map((h) => h.id)).toEqual(['h-1', 'h-2']);
    expect(back).toEqual({ ...data, hearings: [data.hearings[1], data.hearings[0]] });
    expect(back.hearings[0]!.attendance).toEqual({ 'p-1': 'present', 'p-2': 'absent' });
  });

  it('survives encoding to an update and loading into a fresh doc', () => {
    const data = sampleCase();
    const loaded = new Y.Doc();
    Y.applyUpdate(loaded, Y.encodeStateAsUpdate(createCaseDoc(data)));
    expect(readCase(loaded)).toEqual(data);
  });

  it('makes no update when the same case is written again', () => {
    const data = sampleCase();
    const doc = createCaseDoc(data);
    const before = Y.encodeStateVector(doc);
    let updates = 0;
    doc.on('update', () => (updates += 1));
    writeCase(doc, data);
    expect(updates).toBe(0);
    expect(Y.encodeStateVector(doc)).toEqual(before);
  });

  it('throws a DomainException with a Vietnamese message for an empty doc', () => {
    const doc = new Y.Doc();
    expect(isEmptyCaseDoc(doc)).toBe(true);
    let caught: unknown;
    try {
      readCase(doc);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DomainException);
    expect((caught as DomainException).error.code).toBe('caseDoc.empty');
    expect((caught as DomainException).error.messageVi).toBe('Hồ sơ vụ án trống hoặc chưa tải được.');
  });

  it('throws caseDoc.invalid when the content does not validate', () => {
    const doc = createCaseDoc(sampleCase());
    doc.getMap('case').set('acceptanceDate', '2025-02-30');
    expect(() => readCase(doc)).toThrow(DomainException);
    try {
      readCase(doc);
    } catch (error) {
      expect((error as DomainException).error.code).toBe('caseDoc.invalid');
      expect((error as DomainException).error.detail).toContain('acceptanceDate');
    }
  });
});

describe('concurrent edits merge without loss', () => {
  it('keeps both edits to different fields of the same party', () => {
    const base = createCaseDoc(sampleCase());
    const clerk = clone(base, 101);
    const judge = clone(base, 202);

    // Offline, each edits a different field of party p-2.
    entityMap(clerk, 'parties').get('p-2')!.set('fullName', 'Trần Thị Bình Minh');
    entityMap(judge, 'parties').get('p-2')!.set('address', 'ấp Long Hòa, xã Long Hồ, tỉnh Vĩnh Long');

    // Each applies the other's update (in either order).
    const clerkUpdate = Y.encodeStateAsUpdate(clerk, Y.encodeStateVector(base));
    const judgeUpdate = Y.encodeStateAsUpdate(judge, Y.encodeStateVector(base));
    Y.applyUpdate(clerk, judgeUpdate);
    Y.applyUpdate(judge, clerkUpdate);

    for (const doc of [clerk, judge]) {
      expect(partyField(doc, 'p-2', 'fullName')).toBe('Trần Thị Bình Minh');
      expect(partyField(doc, 'p-2', 'address')).toBe('ấp Long Hòa, xã Long Hồ, tỉnh Vĩnh Long');
    }
    expect(readCase(clerk)).toEqual(readCase(judge));
    expect(readCaseRaw(clerk)).toEqual(readCaseRaw(judge));
  });

  it('keeps a party added on one side and a correction made on the other', () => {
    const base = createCaseDoc(sampleCase());
    const a = clone(base, 1);
    const b = clone(base, 2);
    writeCase(a, { ...readCase(a), parties: [...readCase(a).parties, { ...readCase(a).parties[0]!, id: 'p-9', role: 'witness', fullName: 'Võ Văn Tám', actsFor: [], order: 9 }] });
    entityMap(b, 'parties').get('p-1')!.set('phone', '0901234567');
    exchange(a, b);
    const merged = readCase(a);
    expect(merged).toEqual(readCase(b));
    expect(merged.parties.map((p) => p.id)).toEqual(['p-1', 'p-2', 'p-3', 'p-9']);
    expect(merged.parties[0]!.phone).toBe('0901234567');
  });
});
