/** The moments of a hearing: labels, the forms' sentences with the time, and the events they record. */
import { describe, expect, it } from 'vitest';
import { eventMoment, HEARING_MOMENTS, momentEvent, momentLabel, momentParagraph, momentSentence, momentsFor } from '../../../../shared/drafting/hearing-phases.js';

const at = new Date(2026, 10, 28, 8, 5); // local 08:05, 28 Nov 2026

describe('hearing moments', () => {
  it('names the questioning phase as each procedure does', () => {
    expect(momentLabel('questioning', 'HS')).toBe('Xét hỏi');
    expect(momentLabel('questioning', 'DS')).toBe('Tranh tụng');
  });

  it('has the last word of the accused in criminal hearings only', () => {
    expect(momentsFor('HS')).toContain('lastWords');
    expect(momentsFor('DS')).not.toContain('lastWords');
    expect(momentsFor('DS')).toHaveLength(HEARING_MOMENTS.length - 1);
  });

  it('writes the sentences of the forms with the clock', () => {
    expect(momentSentence('opened', 'DS', at)).toBe('Thẩm phán - Chủ tọa phiên tòa khai mạc phiên tòa lúc 08 giờ 05 phút.');
    expect(momentSentence('deliberation', 'DS', at)).toBe('Hội đồng xét xử vào phòng nghị án lúc 08 giờ 05 phút.');
    expect(momentSentence('pronouncement', 'HS', at)).toBe('Hội đồng xét xử trở lại phòng xử án lúc 08 giờ 05 phút; Thẩm phán - Chủ tọa phiên tòa đọc bản án.');
    expect(momentSentence('closed', 'DS', at)).toBe('Phiên tòa kết thúc vào hồi 08 giờ 05 phút, ngày 28 tháng 11 năm 2026.');
    expect(momentSentence('questioning', 'HS', at)).toBe('Tiến hành phần xét hỏi lúc 08 giờ 05 phút.');
  });

  it('stamps an italic paragraph', () => {
    const p = momentParagraph('recess', 'DS', at);
    expect(p.content?.[0]).toEqual({ type: 'text', text: 'Phiên tòa tạm nghỉ lúc 08 giờ 05 phút.', marks: [{ type: 'italic' }] });
  });

  it('records each moment as an event and reads it back', () => {
    for (const moment of HEARING_MOMENTS) {
      const event = momentEvent(moment, '2026-11-28T01:05:00.000Z', 'thuky');
      expect(eventMoment(event)).toBe(moment);
      expect(event.by).toBe('thuky');
    }
    expect(momentEvent('debate', 'x', 'u')).toEqual({ kind: 'phase', phase: 'debate', at: 'x', by: 'u' });
    expect(momentEvent('closed', 'x', 'u')).toEqual({ kind: 'closed', at: 'x', by: 'u' });
  });
});
