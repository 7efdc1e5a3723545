import { describe, expect, it } from 'vitest';
import { evaluateReadiness, isEarlierMinutes, type PackDocument, type ReadinessInput } from '../../../../shared/dayplan/readiness.js';
import type { CaseDocumentRef } from '../../../../shared/domain/schemas.js';

const MINUTES = 'NQ01-2017/48-DS';

function ref(id: string, fields: Partial<CaseDocumentRef> = {}): CaseDocumentRef {
  return { id, kind: 'other', title: `Tài liệu ${id}`, status: 'signed', createdAt: '2026-01-02T02:00:00Z', updatedAt: '2026-01-02T02:00:00Z', ...fields };
}

const base: ReadinessInput = {
  hearingDay: '2026-01-05',
  caseDoc: 'synced',
  caseReadable: true,
  documents: [],
  minutesTemplateId: MINUTES,
  availableTemplateIds: new Set([MINUTES]),
  missingFields: [],
  serverConfigured: true,
};

const codes = (input: Partial<ReadinessInput>) => evaluateReadiness({ ...base, ...input }).issues.map((i) => `${i.severity}:${i.code}`);

describe('evaluateReadiness', () => {
  it('is ready when the case is synced, the template is here and nothing else is missing', () => {
    expect(evaluateReadiness(base)).toEqual({ ready: true, issues: [] });
  });

  it('stops at a case doc that is not on the laptop, or cannot be read', () => {
    expect(evaluateReadiness({ ...base, caseDoc: 'absent' })).toEqual({ ready: false, issues: [{ code: 'caseMissing', severity: 'blocking', subjects: [] }] });
    expect(codes({ caseReadable: false })).toEqual(['blocking:caseUnreadable']);
  });

  it('blocks a case never confirmed by the server, warns about local changes not yet sent', () => {
    expect(codes({ caseDoc: 'unknown' })).toEqual(['blocking:caseNotSynced']);
    expect(evaluateReadiness({ ...base, caseDoc: 'pending' }).ready).toBe(true);
    expect(codes({ caseDoc: 'pending' })).toEqual(['warning:caseLocalChanges']);
  });

  it('without a court server, never-synced data is a warning, not a gap', () => {
    const result = evaluateReadiness({ ...base, serverConfigured: false, caseDoc: 'unknown', documents: [{ ref: ref('d1', { templateId: MINUTES }), local: 'unknown' }] });
    expect(result.ready).toBe(true);
    expect(result.issues.map((i) => i.code)).toEqual(['noServer']);
  });

  it('blocks when no minutes template serves the hearing, or the chosen one is not installed', () => {
    expect(codes({ minutesTemplateId: undefined })).toEqual(['blocking:templateMissing']);
    expect(evaluateReadiness({ ...base, availableTemplateIds: new Set() }).issues).toEqual([{ code: 'templateMissing', severity: 'blocking', subjects: [MINUTES] }]);
  });

  it('tells earlier minutes from other documents, and absent from never synced', () => {
    const documents: PackDocument[] = [
      { ref: ref('m1', { kind: 'mediationMinutes', title: 'Biên bản hòa giải', templateId: 'NQ01-2017/34-DS' }), local: 'absent' },
      { ref: ref('m2', { kind: 'hearingMinutes', title: 'Biên bản phiên tòa 02/01', templateId: MINUTES }), local: 'unknown' },
      { ref: ref('j1', { kind: 'decision', title: 'Quyết định đưa vụ án ra xét xử', templateId: 'NQ01-2017/41-DS' }), local: 'absent' },
      { ref: ref('j2', { kind: 'decision', title: 'Quyết định hoãn', templateId: 'NQ01-2017/41-DS' }), local: 'pending' },
    ];
    const result = evaluateReadiness({ ...base, documents, availableTemplateIds: new Set([MINUTES, 'NQ01-2017/34-DS', 'NQ01-2017/41-DS']) });
    expect(result.ready).toBe(false);
    expect(result.issues).toEqual([
      { code: 'earlierMinutesMissing', severity: 'blocking', subjects: ['Biên bản hòa giải'] },
      { code: 'earlierMinutesNotSynced', severity: 'blocking', subjects: ['Biên bản phiên tòa 02/01'] },
      { code: 'documentMissing', severity: 'blocking', subjects: ['Quyết định đưa vụ án ra xét xử'] },
      { code: 'documentLocalChanges', severity: 'warning', subjects: ['Quyết định hoãn'] },
    ]);
  });

  it('treats a registered paper document (no template, no body) as information only', () => {
    const result = evaluateReadiness({ ...base, documents: [{ ref: ref('p1', { title: 'Thông báo thụ lý vụ án' }), local: 'absent' }] });
    expect(result).toEqual({ ready: true, issues: [{ code: 'paperOnly', severity: 'info', subjects: ['Thông báo thụ lý vụ án'] }] });
  });

  it('blocks a draft whose own template is not installed', () => {
    const documents = [{ ref: ref('d1', { status: 'draft', templateId: 'NQ99/X' }), local: 'synced' as const }];
    expect(codes({ documents })).toEqual(['blocking:documentTemplateMissing']);
    expect(codes({ documents: [{ ...documents[0]!, ref: { ...documents[0]!.ref, status: 'locked' } }] })).toEqual([]);
  });

  it('lists party gaps of the minutes apart from case gaps, ignoring what the hearing records', () => {
    const result = evaluateReadiness({
      ...base,
      missingFields: [
        { path: 'parties.byRole.plaintiff.0.birthYear', label: 'Năm sinh của nguyên đơn', atHearing: false },
        { path: 'parties.byRole.plaintiff.1.birthYear', label: 'Năm sinh của nguyên đơn', atHearing: false },
        { path: 'parties.byRole.plaintiff.0.attendance', label: 'Có mặt / vắng mặt', atHearing: true },
        { path: 'hearing.endTime', label: 'Giờ kết thúc phiên', atHearing: true },
        { path: 'panel.prosecutor.name', label: 'Kiểm sát viên', atHearing: false },
      ],
    });
    expect(result.ready).toBe(true);
    expect(result.issues).toEqual([
      { code: 'partyDataIncomplete', severity: 'warning', subjects: ['Năm sinh của nguyên đơn'] },
      { code: 'caseDataIncomplete', severity: 'warning', subjects: ['Kiểm sát viên'] },
    ]);
  });
});

describe('isEarlierMinutes', () => {
  it('counts hearing and mediation minutes created before the hearing day', () => {
    expect(isEarlierMinutes(ref('a', { kind: 'hearingMinutes' }), '2026-01-05')).toBe(true);
    expect(isEarlierMinutes(ref('a', { kind: 'mediationMinutes' }), '2026-01-05')).toBe(true);
    expect(isEarlierMinutes(ref('a', { kind: 'hearingMinutes', createdAt: '2026-01-05T01:00:00Z' }), '2026-01-05')).toBe(false);
    expect(isEarlierMinutes(ref('a', { kind: 'judgment' }), '2026-01-05')).toBe(false);
  });
});
