import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createCaseDoc, readCase } from '../../../../shared/domain/case-doc.js';
import {
  adjournHearing,
  recordHearingOutcome,
  removeParty,
  setCaseStatus,
  updateCaseFields,
  upsertParty,
  type EditContext,
} from '../../../../shared/domain/case-mutations.js';
import { CaseSchema } from '../../../../shared/domain/schemas.js';
import { NOW, sampleCase, sampleCaseInput } from './sample-case.js';

const ctx: EditContext = { now: NOW, origin: 'test' };

function freshDoc(): Y.Doc {
  return createCaseDoc(sampleCase());
}

/** Runs `edit` and checks that the doc is byte-for-byte what it was before. */
function expectUnchanged(doc: Y.Doc, edit: () => void): void {
  const before = Y.encodeStateAsUpdate(doc);
  edit();
  expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
}

describe('upsertParty', () => {
  it('adds a party, NFC-normalised, and stamps updatedAt', () => {
    const doc = freshDoc();
    const result = upsertParty(doc, { id: 'p-4', role: 'witness', fullName: 'Pha\u0323m Va\u0306n \u0110u\u031b\u0301c' }, ctx);
    expect(result.ok).toBe(true);
    const c = readCase(doc);
    expect(c.parties.find((p) => p.id === 'p-4')?.fullName).toBe('Phạm Văn Đức');
    expect(c.updatedAt).toBe(NOW);
  });

  it('corrects an existing party in place', () => {
    const doc = freshDoc();
    const current = readCase(doc).parties.find((p) => p.id === 'p-2')!;
    expect(upsertParty(doc, { ...current, address: 'ấp An Thới, xã Tân Hạnh, tỉnh Vĩnh Long' }, ctx).ok).toBe(true);
    const c = readCase(doc);
    expect(c.parties).toHaveLength(3);
    expect(c.parties.find((p) => p.id === 'p-2')?.address).toBe('ấp An Thới, xã Tân Hạnh, tỉnh Vĩnh Long');
  });

  it('refuses an empty name with a Vietnamese message and leaves the doc unchanged', () => {
    const doc = freshDoc();
    expectUnchanged(doc, () => {
      const result = upsertParty(doc, { id: 'p-5', role: 'witness', fullName: '  ' }, ctx);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.messageVi).toContain('Họ tên đương sự không được để trống');
    });
  });

  it.each([
    ['an unknown party', ['p-404']],
    ['itself', ['p-6']],
  ])('refuses actsFor naming %s', (_label, actsFor) => {
    const doc = freshDoc();
    expectUnchanged(doc, () => {
      const result = upsertParty(doc, { id: 'p-6', role: 'representative', fullName: 'Lê Văn Tư', actsFor }, ctx);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.code).toBe('party.actsForUnknown');
      expect(result.error.messageVi).toBe('Người đại diện/bào chữa phải gắn với một đương sự có trong hồ sơ.');
    });
  });

  it('accepts a representative acting for an existing party', () => {
    const doc = freshDoc();
    const result = upsertParty(doc, { id: 'p-6', role: 'representative', fullName: 'Lê Văn Tư', actsFor: ['p-2'] }, ctx);
    expect(result.ok).toBe(true);
    expect(readCase(doc).parties.find((p) => p.id === 'p-6')?.actsFor).toEqual(['p-2']);
  });

  it('refuses edits on an empty doc', () => {
    const result = upsertParty(new Y.Doc(), { id: 'p-1', role: 'plaintiff', fullName: 'A' }, ctx);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('caseDoc.empty');
  });
});

describe('removeParty', () => {
  it('refuses while someone acts for the party, naming who', () => {
    const doc = freshDoc();
    expectUnchanged(doc, () => {
      const result = removeParty(doc, 'p-1', ctx);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.code).toBe('party.hasDependants');
      expect(result.error.messageVi).toContain('Lê Minh Châu');
    });
  });

  it('removes the counsel, then the principal', () => {
    const doc = freshDoc();
    expect(removeParty(doc, 'p-3', ctx).ok).toBe(true);
    expect(removeParty(doc, 'p-1', ctx).ok).toBe(true);
    expect(readCase(doc).parties.map((p) => p.id)).toEqual(['p-2']);
  });

  it('reports an unknown party', () => {
    const result = removeParty(freshDoc(), 'p-404', ctx);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.messageVi).toBe('Không tìm thấy đương sự.');
  });
});

describe('setCaseStatus', () => {
  it('follows an allowed transition', () => {
    const doc = freshDoc();
    expect(setCaseStatus(doc, 'scheduled', ctx).ok).toBe(true);
    expect(setCaseStatus(doc, 'decided', ctx).ok).toBe(true);
    expect(setCaseStatus(doc, 'effective', ctx).ok).toBe(true);
    expect(readCase(doc).status).toBe('effective');
  });

  it('refuses a transition the procedure does not allow, in Vietnamese', () => {
    const doc = freshDoc();
    expectUnchanged(doc, () => {
      const result = setCaseStatus(doc, 'effective', ctx);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.code).toBe('case.statusTransition');
      expect(result.error.messageVi).toBe('Không thể chuyển trạng thái từ "Chuẩn bị xét xử" sang "Có hiệu lực pháp luật".');
    });
  });

  it('refuses to leave a final status', () => {
    const doc = createCaseDoc(CaseSchema.parse({ ...sampleCaseInput(), status: 'terminated' }));
    const result = setCaseStatus(doc, 'preparing', ctx);
    expect(result.ok).toBe(false);
  });

  it('treats setting the same status as a no-op', () => {
    const doc = freshDoc();
    expectUnchanged(doc, () => expect(setCaseStatus(doc, 'preparing', ctx).ok).toBe(true));
  });
});

describe('recordHearingOutcome', () => {
  it('marks the hearing held with its outcome and attendance', () => {
    const doc = freshDoc();
    const result = recordHearingOutcome(doc, 'h-1', { outcome: 'Tuyên án: chấp nhận một phần yêu cầu khởi kiện', attendance: { 'p-1': 'present', 'p-2': 'absent' } }, ctx);
    expect(result.ok).toBe(true);
    const hearing = readCase(doc).hearings[0]!;
    expect(hearing).toMatchObject({ status: 'held', outcome: 'Tuyên án: chấp nhận một phần yêu cầu khởi kiện', attendance: { 'p-1': 'present', 'p-2': 'absent' } });
  });

  it('refuses an empty outcome and an unknown hearing', () => {
    const doc = freshDoc();
    expectUnchanged(doc, () => {
      const empty = recordHearingOutcome(doc, 'h-1', { outcome: '   ' }, ctx);
      expect(empty.ok).toBe(false);
      if (!empty.ok) expect(empty.error.messageVi).toBe('Hãy ghi kết quả phiên tòa.');
      const missing = recordHearingOutcome(doc, 'h-404', { outcome: 'x' }, ctx);
      expect(missing.ok).toBe(false);
      if (!missing.ok) expect(missing.error.messageVi).toBe('Không tìm thấy phiên tòa.');
    });
  });
});

describe('adjournHearing', () => {
  it('marks the hearing adjourned and creates the rescheduled one', () => {
    const doc = freshDoc();
    const result = adjournHearing(doc, 'h-1', { reason: 'Bị đơn vắng mặt lần thứ nhất', newStartsAt: '2025-07-01T13:30', newHearingId: 'h-2', attendance: { 'p-2': 'absent' } }, ctx);
    expect(result.ok).toBe(true);
    const hearings = readCase(doc).hearings;
    expect(hearings.map((h) => [h.id, h.status])).toEqual([
      ['h-1', 'adjourned'],
      ['h-2', 'scheduled'],
    ]);
    expect(hearings[0]).toMatchObject({ adjournmentReason: 'Bị đơn vắng mặt lần thứ nhất', rescheduledTo: 'h-2', attendance: { 'p-2': 'absent' } });
    // The new hearing keeps the room and kind but starts clean.
    expect(hearings[1]).toMatchObject({ startsAt: '2025-07-01T13:30', room: 'Phòng xử án số 1', kind: 'trial', outcome: '', adjournmentReason: '', attendance: {} });
    expect(hearings[1]!.rescheduledTo).toBeUndefined();
  });

  it('adjourns without a new date', () => {
    const doc = freshDoc();
    const result = adjournHearing(doc, 'h-1', { reason: 'Cần thu thập thêm chứng cứ' }, ctx);
    expect(result.ok && result.value.rescheduled).toBeUndefined();
    expect(readCase(doc).hearings).toHaveLength(1);
    expect(readCase(doc).hearings[0]!.status).toBe('adjourned');
  });

  it.each([
    ['before', '2025-06-09T07:30', 'hearing.newDateBefore'],
    ['at the same time as', '2025-06-10T07:30', 'hearing.newDateBefore'],
    ['invalid', '2025-06-31T07:30', 'hearing.newDateInvalid'],
  ])('refuses a new date %s the old one', (_label, newStartsAt, code) => {
    const doc = freshDoc();
    expectUnchanged(doc, () => {
      const result = adjournHearing(doc, 'h-1', { reason: 'Bị đơn vắng mặt', newStartsAt, newHearingId: 'h-2' }, ctx);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.code).toBe(code);
      expect(result.error.messageVi).toMatch(/phiên tòa/);
    });
  });

  it('refuses an empty reason', () => {
    const doc = freshDoc();
    expectUnchanged(doc, () => {
      const result = adjournHearing(doc, 'h-1', { reason: '' }, ctx);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.messageVi).toBe('Hãy ghi lý do hoãn phiên tòa.');
    });
  });
});

describe('updateCaseFields', () => {
  it('updates and canonicalises a number', () => {
    const doc = freshDoc();
    expect(updateCaseFields(doc, { trialDecisionNumber: '5/2025/qdxxst-ds', trialDecisionDate: '2025-05-20' }, ctx).ok).toBe(true);
    const c = readCase(doc);
    expect(c.trialDecisionNumber).toBe('05/2025/QĐXXST-DS');
    expect(c.trialDecisionDate).toBe('2025-05-20');
    expect(c.updatedAt).toBe(NOW);
  });

  it('refuses an invalid acceptance number and leaves the doc unchanged', () => {
    const doc = freshDoc();
    expectUnchanged(doc, () => {
      const result = updateCaseFields(doc, { acceptanceNumber: '12/2025/XYZ-DS', subject: 'V/v đòi lại tài sản' }, ctx);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.messageVi).toMatch(/Số thụ lý: .*không hợp lệ/);
    });
    expect(readCase(doc).acceptanceNumber).toBe('12/2025/TLST-DS');
    expect(readCase(doc).subject).toBe('V/v tranh chấp hợp đồng vay tài sản');
  });

  it('does not change the status through the field patch', () => {
    const doc = freshDoc();
    // Status is not in the patch type; a caller that forces it in is ignored.
    const patch = { status: 'effective', notes: 'Đã xác minh' } as unknown as Parameters<typeof updateCaseFields>[1];
    expect(updateCaseFields(doc, patch, ctx).ok).toBe(true);
    expect(readCase(doc).status).toBe('preparing');
    expect(readCase(doc).notes).toBe('Đã xác minh');
  });

  it('clears an optional field set to undefined', () => {
    const doc = freshDoc();
    expect(updateCaseFields(doc, { clerkId: undefined }, ctx).ok).toBe(true);
    expect(readCase(doc).clerkId).toBeUndefined();
  });
});
