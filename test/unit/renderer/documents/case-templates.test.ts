import { describe, expect, it } from 'vitest';
import { documentNumber, renderCaseDocument, templatesForCase } from '../../../../renderer/documents/case-templates.js';
import { generateCourt } from '../../../../shared/demo/generate-court.js';
import { docToText } from '../../../../shared/templates/index.js';

const court = generateCourt({ cases: 60, seed: 7, today: '2026-03-02' });

describe('case templates', () => {
  it('lists only the templates of the case type and level, and renders them for the case', () => {
    const civil = court.cases.find((c) => c.type === 'DS' && c.level === 'ST' && c.hearings.length > 0);
    expect(civil).toBeDefined();
    if (!civil) return;
    const input = { court: court.court, staff: court.staff, kase: civil, today: '2026-03-02' };
    const ids = templatesForCase(input).map((t) => t.meta.id);
    expect(ids).toContain('NQ01-2017/52-DS');
    expect(ids.some((id) => id.endsWith('-HS'))).toBe(false);
    const judgment = templatesForCase(input).find((t) => t.meta.id === 'NQ01-2017/52-DS');
    if (!judgment) return;
    const text = docToText(renderCaseDocument(judgment, input).doc);
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain(civil.acceptanceNumber);
    expect(documentNumber(judgment, civil)).toBe(civil.judgmentNumber);
  });

  it('marks hearing fields missing when the case has no hearing', () => {
    const civil = court.cases.find((c) => c.type === 'DS' && c.level === 'ST');
    if (!civil) throw new Error('no civil case in the demo');
    const input = { court: court.court, staff: court.staff, kase: { ...civil, hearings: [] }, today: '2026-03-02' };
    const minutes = templatesForCase(input).find((t) => t.meta.id === 'NQ01-2017/48-DS');
    if (!minutes) throw new Error('48-DS does not serve the case');
    const { missing } = renderCaseDocument(minutes, input);
    expect(missing.some((f) => f.path.startsWith('hearing.'))).toBe(true);
  });
});
