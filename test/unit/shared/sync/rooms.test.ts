import { describe, expect, it } from 'vitest';
import { formatRoomName, parseRoomName, roomDocKey } from '../../../../shared/sync/rooms.js';

describe('room names', () => {
  it.each([
    ['court/tand-kv1-vinhlong/case/c-001', { courtId: 'tand-kv1-vinhlong', kind: 'case', id: 'c-001' }],
    ['court/T1/doc/d_2.v:3', { courtId: 'T1', kind: 'doc', id: 'd_2.v:3' }],
  ])('parses %s and formats it back', (name, ref) => {
    const parsed = parseRoomName(name);
    expect(parsed).toEqual({ ok: true, value: ref });
    if (parsed.ok) expect(formatRoomName(parsed.value)).toBe(name);
  });

  it.each([
    '',
    'court/tand/case',
    'court/tand/case/c1/extra',
    'courts/tand/case/c1',
    'court/tand/hearing/c1',
    'court/../case/c1',
    'court/tand/case/..',
    'court/tand/case/a%2Fb',
    'court/tand/case/a b',
    'court/tand/case/vụ-án',
    `court/tand/case/${'x'.repeat(81)}`,
  ])('refuses %j with a Vietnamese message', (name) => {
    const parsed = parseRoomName(name);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatchObject({ code: 'sync.room.invalid', messageVi: expect.stringMatching(/không hợp lệ/) });
  });

  it('keys a doc inside its court and refuses to format invalid ids', () => {
    expect(roomDocKey({ courtId: 'c', kind: 'doc', id: 'd1' })).toBe('doc/d1');
    expect(() => formatRoomName({ courtId: 'c/x', kind: 'case', id: '1' })).toThrow();
  });
});
