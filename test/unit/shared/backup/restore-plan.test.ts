import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { backupDocKind, planRestore } from '../../../../shared/backup/index.js';

/** A case doc with one field, and a copy of it made by "another PC" (the same history). */
function pair(docId: string) {
  const local = new Y.Doc({ guid: docId });
  local.getMap('case').set('number', '12/2025/TLST-DS');
  const other = new Y.Doc({ guid: docId });
  Y.applyUpdate(other, Y.encodeStateAsUpdate(local));
  return { local, other };
}

describe('planRestore', () => {
  it('classifies docs as new, contained or merge, never overwrite', () => {
    const same = pair('case-same');
    const older = pair('case-older');
    // Local has moved on since the backup: the bundle adds nothing.
    older.local.getMap('case').set('status', 'Đã xét xử');
    const diverged = pair('case-diverged');
    diverged.other.getMap('case').set('subject', 'Ly hôn');
    const fresh = new Y.Doc({ guid: 'case-new' });
    fresh.getMap('case').set('number', '72/2025/QĐST-HNGĐ');

    const local = new Map([same, older, diverged].map((p) => [p.local.guid, Y.encodeStateVector(p.local)] as const));
    const bundle = [same, older, diverged].map((p) => ({ docId: p.other.guid, state: Y.encodeStateAsUpdate(p.other) }));
    bundle.push({ docId: 'case-new', state: Y.encodeStateAsUpdate(fresh) });

    const plan = planRestore(local, bundle);
    expect(plan.entries).toEqual([
      { docId: 'case-same', action: 'contained' },
      { docId: 'case-older', action: 'contained' },
      { docId: 'case-diverged', action: 'merge' },
      { docId: 'case-new', action: 'new' },
    ]);
    expect(plan.counts).toEqual({ new: 1, contained: 2, merge: 1 });
  });

  it('a merge keeps the newer local edits and adds the bundle’s', () => {
    const { local, other } = pair('case-1');
    local.getMap('case').set('status', 'Đã xét xử');
    other.getMap('case').set('subject', 'Ly hôn');
    const plan = planRestore(new Map([['case-1', Y.encodeStateVector(local)]]), [{ docId: 'case-1', state: Y.encodeStateAsUpdate(other) }]);
    expect(plan.entries[0]?.action).toBe('merge');
    Y.applyUpdate(local, Y.encodeStateAsUpdate(other));
    expect(local.getMap('case').toJSON()).toEqual({ number: '12/2025/TLST-DS', status: 'Đã xét xử', subject: 'Ly hôn' });
  });
});

describe('planRestore by kind', () => {
  it('counts case docs and document bodies apart, and a doc of an unknown kind in the total only', () => {
    const kase = pair('case:c-1');
    kase.other.getMap('case').set('subject', 'Ly hôn');
    const body = new Y.Doc({ gc: false });
    body.getXmlFragment('body').insert(0, [new Y.XmlText('Biên bản phiên tòa')]);
    const local = new Map([['case:c-1', Y.encodeStateVector(kase.local)]]);
    const plan = planRestore(local, [
      { docId: 'case:c-1', state: Y.encodeStateAsUpdate(kase.other) },
      { docId: 'doc:d-1', state: Y.encodeStateAsUpdate(body) },
      { docId: 'note:n-1', state: Y.encodeStateAsUpdate(new Y.Doc()) },
    ]);
    expect(plan.byKind).toEqual({ case: { new: 0, merge: 1, contained: 0 }, document: { new: 1, merge: 0, contained: 0 } });
    expect(plan.counts).toEqual({ new: 2, merge: 1, contained: 0 });
  });
});

describe('backupDocKind', () => {
  it('knows case docs and document bodies by the replica id prefix, nothing else', () => {
    expect(backupDocKind('case:c-1')).toBe('case');
    expect(backupDocKind('doc:bb-2025-17')).toBe('document');
    for (const id of ['case:', 'doc:', 'c-1', 'note:n-1', 'Doc:d-1']) expect(backupDocKind(id)).toBeUndefined();
  });
});
