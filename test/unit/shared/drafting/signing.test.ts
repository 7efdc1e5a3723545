import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { appendSignature, isReadOnly } from '../../../../shared/drafting/finalisation.js';
import { requiredSigners, type RequiredSigner } from '../../../../shared/drafting/signers.js';
import { signContent, signatureIsAuthentic, verifyDocument, type KeyDirectory, type KeyStanding } from '../../../../shared/drafting/signing.js';
import { recordVersion } from '../../../../shared/drafting/versions.js';
import type { SignatureEntry } from '../../../../shared/drafting/document-doc.js';
import { newDocumentDoc, PANEL, testSigner, textOfBlock } from './fixtures.js';

const NOW = '2025-11-28T10:00:00.000Z';
const registered: KeyDirectory = { standing: async (): Promise<KeyStanding> => ({ kind: 'registered' }) };

function minutes() {
  return newDocumentDoc([{ content: ['Chủ tọa hỏi: Bị đơn có đồng ý không?'] }, { content: ['Bị đơn trả lời: Không đồng ý.'] }]);
}

function required(doc: Y.Doc): RequiredSigner[] {
  const result = requiredSigners('hearingMinutes', PANEL);
  if (!result.ok) throw new Error(result.error.messageEn);
  void doc;
  return result.value;
}

async function sign(doc: Y.Doc, signer: Awaited<ReturnType<typeof testSigner>>, capacity: RequiredSigner, user: string): Promise<SignatureEntry> {
  const version = recordVersion(doc, 'signed', user, undefined, NOW);
  const entry = await signContent(doc, signer, { user, staffId: capacity.staffId, signerName: capacity.name, capacity: capacity.capacity }, NOW, version.id);
  const result = appendSignature(doc, entry, required(doc), NOW);
  expect(result.ok).toBe(true);
  return entry;
}

describe('document signatures', () => {
  it('signs, verifies as valid once both required signers signed, and finalises the document', async () => {
    const doc = minutes();
    const [presiding, clerk] = required(doc);
    const clerkKey = await testSigner();
    const judgeKey = await testSigner();
    await sign(doc, clerkKey, clerk!, 'thuky');
    expect(isReadOnly(doc)).toBe(false);
    const half = await verifyDocument(doc, registered, required(doc));
    expect(half.status).toBe('incomplete');
    expect(half.missing.map((m) => m.capacity)).toEqual(['presidingJudge']);

    await sign(doc, judgeKey, presiding!, 'thamphan');
    expect(isReadOnly(doc)).toBe(true);
    expect(doc.getMap('meta').get('finalisedAt')).toBe(NOW);
    const report = await verifyDocument(doc, registered, required(doc));
    expect(report.status).toBe('valid');
    expect(report.checks.every((c) => c.authentic && c.matchesCurrent)).toBe(true);
  });

  it('a one-character change breaks verification and says exactly what changed', async () => {
    const doc = minutes();
    const [, clerk] = required(doc);
    await sign(doc, await testSigner(), clerk!, 'thuky');
    textOfBlock(doc, 1).insert(textOfBlock(doc, 1).length - 1, '!');
    const report = await verifyDocument(doc, registered, required(doc));
    expect(report.status).toBe('changed');
    expect(report.checks[0]!.authentic).toBe(true);
    expect(report.checks[0]!.matchesCurrent).toBe(false);
    expect(report.checks[0]!.changes).toEqual([
      { kind: 'changed', beforeIndex: 2, afterIndex: 2, before: 'Bị đơn trả lời: Không đồng ý.', after: 'Bị đơn trả lời: Không đồng ý!.', formatOnly: false },
    ]);
  });

  it('refuses a forged signature, a signature moved to another capacity or document, and a key of another user', async () => {
    const doc = minutes();
    const [, clerk] = required(doc);
    const entry = await sign(doc, await testSigner(), clerk!, 'thuky');
    expect(await signatureIsAuthentic(entry, 'd-0001')).toBe(true);
    expect(await signatureIsAuthentic(entry, 'd-0002')).toBe(false);
    expect(await signatureIsAuthentic({ ...entry, capacity: 'presidingJudge' }, 'd-0001')).toBe(false);
    expect(await signatureIsAuthentic({ ...entry, user: 'thamphan' }, 'd-0001')).toBe(false);
    const other = await testSigner();
    expect(await signatureIsAuthentic({ ...entry, publicKey: other.publicKey }, 'd-0001')).toBe(false);
    expect(await signatureIsAuthentic({ ...entry, publicKey: other.publicKey, keyId: other.keyId }, 'd-0001')).toBe(false);
    const bytes = Buffer.from(entry.signature, 'base64');
    bytes[5] = (bytes[5]! + 1) % 256;
    expect(await signatureIsAuthentic({ ...entry, signature: bytes.toString('base64') }, 'd-0001')).toBe(false);

    const stranger: KeyDirectory = { standing: async () => ({ kind: 'otherUser' }) };
    expect((await verifyDocument(doc, stranger, required(doc))).status).toBe('invalid');
    const unknown: KeyDirectory = { standing: async () => ({ kind: 'unknown' }) };
    const [presiding] = required(doc);
    await sign(doc, await testSigner(), presiding!, 'thamphan');
    expect((await verifyDocument(doc, unknown, required(doc))).status).toBe('keyUnknown');
    const wrongStaff: KeyDirectory = { standing: async () => ({ kind: 'registered', staffId: 's-clerk-09' }) };
    expect((await verifyDocument(doc, wrongStaff, required(doc))).status).toBe('invalid');
  });

  it('a document signed on two devices offline is finalised when the signatures meet', async () => {
    const doc = minutes();
    const copy = new Y.Doc({ gc: false });
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    const [presiding, clerk] = required(doc);
    await sign(doc, await testSigner(), clerk!, 'thuky');
    await sign(copy, await testSigner(), presiding!, 'thamphan');
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(copy));
    expect(isReadOnly(doc)).toBe(false);
    const report = await verifyDocument(doc, registered, required(doc));
    expect(report.missing).toEqual([]);
    const { finaliseIfComplete } = await import('../../../../shared/drafting/finalisation.js');
    expect(finaliseIfComplete(doc, required(doc), report.currentHash, NOW)).toBe(true);
    expect(isReadOnly(doc)).toBe(true);
  });

  it('does not sign a finalised document again', async () => {
    const doc = minutes();
    const [presiding, clerk] = required(doc);
    await sign(doc, await testSigner(), clerk!, 'thuky');
    await sign(doc, await testSigner(), presiding!, 'thamphan');
    const again = await signContent(doc, await testSigner(), { user: 'thuky', signerName: 'x', capacity: 'clerk' }, NOW);
    const result = appendSignature(doc, again, required(doc), NOW);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe('signing.alreadyFinal');
  });
});
