/**
 * The clerk's quick phrases: sentences that come back in every hearing ("Không có ý kiến."),
 * offered in the quick palette. A few common ones ship; the clerk adds their own, kept per
 * account in localStorage (a preference, not case data: it is not synced). Where storage is
 * unavailable (a locked-down profile) the list lives for the session and says so.
 */

export const DEFAULT_PHRASES: readonly string[] = [
  'Không có ý kiến.',
  'Không đề nghị thay đổi người tiến hành tố tụng.',
  'Đã nhận được quyết định đưa vụ án ra xét xử.',
  'Giữ nguyên yêu cầu khởi kiện.',
  'Không có câu hỏi.',
  'Không có tài liệu, chứng cứ gì bổ sung.',
  'Đề nghị Hội đồng xét xử xem xét.',
];

const MAX_PHRASE = 500;

export interface QuickPhraseStore {
  /** Defaults first, then the clerk's own, in the order added. */
  list(): string[];
  /** Adds a phrase; answers a Vietnamese message when it is refused. */
  add(text: string): { ok: true } | { ok: false; messageVi: string; messageEn: string };
  remove(text: string): void;
  /** False when the list cannot be kept after this session. */
  readonly persistent: boolean;
}

type StorageLike = Pick<Storage, 'getItem' | 'setItem'>;

function storageKey(user: string): string {
  return `courtdesk.editor.quickPhrases.${user || 'local'}`;
}

function probe(storage: StorageLike | undefined): StorageLike | undefined {
  if (!storage) return undefined;
  try {
    const key = 'courtdesk.editor.probe';
    storage.setItem(key, '1');
    return storage;
  } catch {
    return undefined;
  }
}

export function quickPhraseStore(user: string, storage: StorageLike | undefined = typeof localStorage === 'undefined' ? undefined : localStorage): QuickPhraseStore {
  const usable = probe(storage);
  const key = storageKey(user);
  let own: string[] = [];
  try {
    const raw = usable?.getItem(key);
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    own = Array.isArray(parsed) ? parsed.filter((p): p is string => typeof p === 'string') : [];
  } catch {
    own = []; // a damaged entry: start again rather than fail the editor
  }
  const save = () => {
    try {
      usable?.setItem(key, JSON.stringify(own));
    } catch {
      // Full storage: the phrase stays for this session.
    }
  };
  return {
    persistent: usable !== undefined,
    list: () => [...DEFAULT_PHRASES, ...own],
    add(text) {
      const phrase = text.normalize('NFC').replace(/\s+/g, ' ').trim();
      if (phrase === '') return { ok: false, messageVi: 'Câu thường dùng không được để trống.', messageEn: 'The phrase is empty.' };
      if (phrase.length > MAX_PHRASE) return { ok: false, messageVi: `Câu thường dùng dài quá ${MAX_PHRASE} ký tự.`, messageEn: `The phrase is longer than ${MAX_PHRASE} characters.` };
      if (DEFAULT_PHRASES.includes(phrase) || own.includes(phrase)) return { ok: false, messageVi: 'Câu này đã có trong danh sách.', messageEn: 'The phrase is already listed.' };
      own = [...own, phrase];
      save();
      return { ok: true };
    },
    remove(text) {
      own = own.filter((p) => p !== text);
      save();
    },
  };
}
