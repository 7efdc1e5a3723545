// The publication record on the case (state, reasons, who and when) and the 30-day limit from legal effect.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createCaseDoc, readCase, writeCase } from '../../../../shared/domain/case-doc.js';
import { recordPublication, type EditContext } from '../../../../shared/domain/case-mutations.js';
import { CaseSchema } from '../../../../shared/domain/schemas.js';
import { NOT_PUBLISH_REASON_INFO, NOT_PUBLISH_REASONS, publicationStatus } from '../../../../shared/publication/index.js';
import { NOW, sampleCase, sampleCaseInput } from '../domain/sample-case.js';

const ctx: EditContext = { now: NOW, origin: 'test' };

describe('recordPublication', () => {
  it('records a decision not to publish with its reasons, who and when, and stamps the case', () => {
    const doc = createCaseDoc(sampleCase());
    const result = recordPublication(doc, { state: 'notToPublish', reasons: ['BI_MAT_KINH_DOANH'], decidedBy: 'Phạm Minh Tuấn', legalEffectDate: '2025-07-01' }, ctx);
    expect(result.ok).toBe(true);
    const kase = readCase(doc);
    expect(kase.publication).toEqual({ state: 'notToPublish', reasons: ['BI_MAT_KINH_DOANH'], note: '', decidedBy: 'Phạm Minh Tuấn', decidedAt: NOW, legalEffectDate: '2025-07-01' });
    expect(kase.updatedAt).toBe(NOW);
  });

  it('refuses inconsistent records with a Vietnamese message and leaves the doc untouched', () => {
    const doc = createCaseDoc(sampleCase());
    const before = Y.encodeStateAsUpdate(doc);
    const refusals: [Record<string, unknown>, RegExp][] = [
      [{ state: 'notToPublish', reasons: [], decidedBy: 'A' }, /ít nhất một lý do/],
      [{ state: 'published', decidedBy: 'A', legalEffectDate: '2025-07-01' }, /ngày công bố/],
      [{ state: 'pending', decidedBy: 'A' }, /hiệu lực pháp luật/],
      [{ state: 'pending', decidedBy: ' ', legalEffectDate: '2025-07-01' }, /Người quyết định/],
      [{ state: 'published', decidedBy: 'A', legalEffectDate: '2025-07-01', publishedAt: '2025-06-01' }, /trước ngày có hiệu lực/],
      [{ state: 'pending', decidedBy: 'A', legalEffectDate: '2025-07-01', reasons: ['XET_XU_KIN'] }, /Chỉ ghi lý do/],
      [{ state: 'notToPublish', decidedBy: 'A', reasons: ['NOT_A_REASON'] }, /Lý do không công bố/],
    ];
    for (const [input, message] of refusals) {
      const result = recordPublication(doc, input, ctx);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.messageVi).toMatch(message);
    }
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });

  it('survives a sync round trip, and re-writing the same case makes no update', () => {
    const doc = createCaseDoc(sampleCase());
    recordPublication(doc, { state: 'published', decidedBy: 'Phạm Minh Tuấn', legalEffectDate: '2025-07-01', publishedAt: '2025-07-20' }, ctx);
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    const kase = readCase(copy);
    expect(kase.publication?.publishedAt).toBe('2025-07-20');
    let updates = 0;
    copy.on('update', () => (updates += 1));
    writeCase(copy, kase);
    expect(updates).toBe(0);
  });

  it('older cases without a record still parse', () => {
    expect(CaseSchema.parse(sampleCaseInput()).publication).toBeUndefined();
  });
});

describe('publicationStatus', () => {
  const withRecord = (publication: Record<string, unknown> | undefined) => CaseSchema.parse({ ...sampleCaseInput(), ...(publication ? { publication: { decidedBy: 'A', decidedAt: NOW, ...publication } } : {}) });

  it('is not due before legal effect', () => {
    const status = publicationStatus(withRecord(undefined), '2025-07-05');
    expect(status).toMatchObject({ state: 'notDue', overdue: false });
    expect(status.deadline).toBeUndefined();
  });

  it('runs 30 calendar days from legal effect, by the deadline rule with its legal basis', () => {
    const status = publicationStatus(withRecord({ state: 'pending', legalEffectDate: '2025-07-01' }), '2025-07-05');
    expect(status.state).toBe('pending');
    // 01/07 + 30 days = 31/07 (a Thursday, a working day).
    expect(status.deadline).toMatchObject({ dueDate: '2025-07-31', daysLeft: 26, basis: 'Nghị quyết 03/2017/NQ-HĐTP', length: 30, unit: 'calendarDays' });
    expect(status.overdue).toBe(false);
  });

  it('is overdue after the limit unless published or withheld', () => {
    expect(publicationStatus(withRecord({ state: 'pending', legalEffectDate: '2025-07-01' }), '2025-08-04').overdue).toBe(true);
    expect(publicationStatus(withRecord({ state: 'published', legalEffectDate: '2025-07-01', publishedAt: '2025-07-20' }), '2025-08-04')).toMatchObject({ state: 'published', overdue: false });
    expect(publicationStatus(withRecord({ state: 'notToPublish', reasons: ['XET_XU_KIN'] }), '2025-08-04')).toMatchObject({ state: 'notToPublish', overdue: false });
  });

  it('suggests the reasons the case data shows', () => {
    const input = sampleCaseInput();
    const kase = CaseSchema.parse({
      ...input,
      hearings: [{ id: 'h-1', kind: 'trial', startsAt: '2025-06-10T07:30', closed: true }],
      parties: input.parties?.map((p, i) => (i === 1 ? { ...p, isMinor: true } : p)),
    });
    expect(publicationStatus(kase, '2025-07-05').suggestedReasons).toEqual(['XET_XU_KIN', 'NGUOI_DUOI_18']);
  });

  it('every reason has a Vietnamese label and a basis', () => {
    for (const reason of NOT_PUBLISH_REASONS) {
      expect(NOT_PUBLISH_REASON_INFO[reason].label.vi).toMatch(/\p{L}{3}/u);
      expect(NOT_PUBLISH_REASON_INFO[reason].basis).not.toBe('');
    }
  });
});
