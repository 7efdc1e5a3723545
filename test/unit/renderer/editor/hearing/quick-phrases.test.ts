/** Quick phrases: per account, kept in storage, refused when empty or repeated, in memory when storage fails. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_PHRASES, quickPhraseStore } from '../../../../../renderer/editor/hearing/quick-phrases.js';

function memoryStorage(): Pick<Storage, 'getItem' | 'setItem'> & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

describe('quick phrases', () => {
  it('adds a phrase for this account and keeps it for the next session', () => {
    const storage = memoryStorage();
    const store = quickPhraseStore('thuky', storage);
    expect(store.persistent).toBe(true);
    expect(store.add('  Bị cáo   xin giảm nhẹ hình phạt. ')).toEqual({ ok: true });
    expect(quickPhraseStore('thuky', storage).list()).toEqual([...DEFAULT_PHRASES, 'Bị cáo xin giảm nhẹ hình phạt.']);
    expect(quickPhraseStore('thamphan', storage).list()).toEqual([...DEFAULT_PHRASES]);
  });

  it('refuses empty and repeated phrases with a Vietnamese message', () => {
    const store = quickPhraseStore('thuky', memoryStorage());
    const empty = store.add('   ');
    expect(empty.ok).toBe(false);
    if (!empty.ok) expect(empty.messageVi).toContain('không được để trống');
    const repeated = store.add(DEFAULT_PHRASES[0]!);
    expect(repeated.ok).toBe(false);
  });

  it('removes the clerk\'s own phrase', () => {
    const storage = memoryStorage();
    const store = quickPhraseStore('thuky', storage);
    store.add('Tạm giữ vật chứng.');
    store.remove('Tạm giữ vật chứng.');
    expect(quickPhraseStore('thuky', storage).list()).toEqual([...DEFAULT_PHRASES]);
  });

  it('works for the session when storage refuses writes, and survives a damaged entry', () => {
    const broken = { getItem: () => '{not json', setItem: () => { throw new DOMException('denied', 'SecurityError'); } };
    const store = quickPhraseStore('thuky', broken);
    expect(store.persistent).toBe(false);
    expect(store.add('Một câu.')).toEqual({ ok: true });
    expect(store.list().at(-1)).toBe('Một câu.');
    const damaged = memoryStorage();
    damaged.data.set('courtdesk.editor.quickPhrases.thuky', '{not json');
    expect(quickPhraseStore('thuky', damaged).list()).toEqual([...DEFAULT_PHRASES]);
  });
});
