import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { canAccessDoc } from '../../../../server/auth/access.js';
import { assertUpdateAllowed, DocumentFinalisedError, documentAccessMeta, documentAccessMetaOfState } from '../../../../server/docs/document-rules.js';
import { DOCUMENT_ROOT } from '../../../../shared/drafting/document-doc.js';
import { registerAuthor } from '../../../../shared/drafting/authors.js';
import { recordVersion } from '../../../../shared/drafting/versions.js';
import type { SessionClaims } from '../../../../shared/sync/claims.js';

function finalised(): Y.Doc {
  const doc = new Y.Doc({ gc: false });
  doc.transact(() => {
    doc.getMap(DOCUMENT_ROOT.meta).set('status', 'finalised');
    const p = new Y.XmlElement('paragraph');
    p.insert(0, [new Y.XmlText('Nội dung đã ký.')]);
    doc.getXmlFragment(DOCUMENT_ROOT.body).insert(0, [p]);
  });
  return doc;
}

/** The update `change` makes on a copy of `server`, checked against `server`. */
function check(server: Y.Doc, change: (client: Y.Doc) => void): unknown {
  const client = new Y.Doc({ gc: false });
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  const before = Y.encodeStateVector(client);
  change(client);
  try {
    assertUpdateAllowed(server, Y.encodeStateAsUpdate(client, before));
    return 'allowed';
  } catch (error) {
    return error instanceof DocumentFinalisedError ? error.detail : error;
  }
}

describe('finalised document rule', () => {
  it('allows appending corrections and versions, author registration and no-ops; refuses everything else', () => {
    const server = finalised();
    expect(check(server, () => {})).toBe('allowed');
    expect(check(server, (c) => c.getArray(DOCUMENT_ROOT.corrections).push([{ id: 'dc-1', text: 'Sửa', by: 'thuky', at: 'x' }]))).toBe('allowed');
    expect(check(server, (c) => recordVersion(c, 'exported', 'thuky'))).toBe('allowed');
    expect(check(server, (c) => c.getMap(DOCUMENT_ROOT.meta).set('status', 'draft'))).toBe('changes meta');
    expect(check(server, (c) => ((c.getXmlFragment(DOCUMENT_ROOT.body).get(0) as Y.XmlElement).get(0) as Y.XmlText).delete(0, 1))).toBe('changes body');
    expect(check(server, (c) => c.getArray(DOCUMENT_ROOT.signatures).push([{ user: 'x' }]))).toBe('changes signatures');
    expect(check(server, (c) => c.getMap('evil').set('a', 1))).toBe('changes evil');
    const withVersion = finalised();
    recordVersion(withVersion, 'exported', 'thuky');
    expect(check(withVersion, (c) => c.getArray(DOCUMENT_ROOT.versions).delete(0, 1))).toBe('rewrites versions');
    // The authors map of a doc opened before finalisation may still arrive.
    const draft = new Y.Doc({ gc: false });
    registerAuthor(draft, 'thuky');
    Y.applyUpdate(server, Y.encodeStateAsUpdate(draft));
    expect(check(server, (c) => c.getMap(DOCUMENT_ROOT.authors).set('thamphan', new Y.Map()))).toBe('allowed');
  });

  it('leaves drafts alone and still throws on unreadable bytes', () => {
    const draft = new Y.Doc({ gc: false });
    draft.getMap(DOCUMENT_ROOT.meta).set('status', 'draft');
    expect(check(draft, (c) => c.getMap(DOCUMENT_ROOT.meta).set('status', 'x'))).toBe('allowed');
    expect(() => assertUpdateAllowed(finalised(), new Uint8Array([0, 2, 4, 1, 1, 200, 7]))).toThrow();
  });
});

describe('panel-only access', () => {
  const claims = (staffId?: string): SessionClaims => ({ court: 'c1', user: 'u', roles: ['judge'], exp: 0, ...(staffId ? { staffId } : {}) });
  const room = { courtId: 'c1', kind: 'doc' as const, id: 'd1' };

  it('reads restrictedToStaff from a doc or a stored state, and decides by staff id', async () => {
    const doc = new Y.Doc();
    expect(documentAccessMeta(doc)).toBeNull();
    doc.getMap(DOCUMENT_ROOT.meta).set('restrictedToStaff', ['s-judge-01']);
    const meta = documentAccessMetaOfState(Y.encodeStateAsUpdate(doc));
    expect(meta).toEqual({ restrictedToStaff: ['s-judge-01'] });
    expect(await canAccessDoc(claims('s-judge-01'), room, async () => meta)).toEqual({ allowed: true });
    expect(await canAccessDoc(claims('s-clerk-01'), room, async () => meta)).toEqual({ allowed: false, reason: 'restricted' });
    expect(await canAccessDoc(claims(), room, async () => meta)).toEqual({ allowed: false, reason: 'restricted' });
    expect(await canAccessDoc(claims(), room, async () => null)).toEqual({ allowed: true });
    expect(await canAccessDoc(claims(), room, async () => ({}))).toEqual({ allowed: true });
    expect(await canAccessDoc(claims('s-judge-01'), { ...room, courtId: 'c2' }, async () => meta)).toEqual({ allowed: false, reason: 'otherCourt' });
    // Case rooms never load document meta.
    expect(await canAccessDoc(claims(), { ...room, kind: 'case' }, async () => { throw new Error('not called'); })).toEqual({ allowed: true });
  });
});
