/** Hearing mode keys by physical key: speakers, moments, the palette; nothing else is taken. */
import { describe, expect, it } from 'vitest';
import { HEARING_MOMENTS } from '../../../../../shared/drafting/hearing-phases.js';
import { hearingKeyAction, momentKeyHint, type KeyLike } from '../../../../../renderer/editor/hearing/hotkeys.js';

const key = (code: string, mods: Partial<KeyLike> = {}): KeyLike => ({ code, altKey: false, ctrlKey: false, shiftKey: false, metaKey: false, ...mods });
const all = [...HEARING_MOMENTS];

describe('hearing mode keys', () => {
  it('Alt+1…9 pick the speakers', () => {
    expect(hearingKeyAction(key('Digit1', { altKey: true }), all)).toEqual({ kind: 'speaker', index: 0 });
    expect(hearingKeyAction(key('Digit9', { altKey: true }), all)).toEqual({ kind: 'speaker', index: 8 });
    expect(hearingKeyAction(key('Digit0', { altKey: true }), all)).toBeUndefined();
  });

  it('Alt+Shift+digit stamps the moments, 0 closes', () => {
    expect(hearingKeyAction(key('Digit1', { altKey: true, shiftKey: true }), all)).toEqual({ kind: 'moment', moment: 'opened' });
    expect(hearingKeyAction(key('Digit6', { altKey: true, shiftKey: true }), all)).toEqual({ kind: 'moment', moment: 'deliberation' });
    expect(hearingKeyAction(key('Digit0', { altKey: true, shiftKey: true }), all)).toEqual({ kind: 'moment', moment: 'closed' });
    expect(momentKeyHint('closed')).toBe('Alt+Shift+0');
    expect(momentKeyHint('opened')).toBe('Alt+Shift+1');
  });

  it('does not stamp a moment the procedure lacks (no last word in a civil hearing)', () => {
    expect(hearingKeyAction(key('Digit5', { altKey: true, shiftKey: true }), all.filter((m) => m !== 'lastWords'))).toBeUndefined();
  });

  it('Ctrl+Shift+Space opens the palette; typing and Ctrl shortcuts are left alone', () => {
    expect(hearingKeyAction(key('Space', { ctrlKey: true, shiftKey: true }), all)).toEqual({ kind: 'palette' });
    expect(hearingKeyAction(key('KeyA'), all)).toBeUndefined();
    expect(hearingKeyAction(key('Digit1'), all)).toBeUndefined();
    expect(hearingKeyAction(key('Digit1', { ctrlKey: true, altKey: true }), all)).toBeUndefined();
    expect(hearingKeyAction(key('KeyB', { ctrlKey: true }), all)).toBeUndefined();
  });
});
