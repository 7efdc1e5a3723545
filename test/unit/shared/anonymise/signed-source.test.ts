// A finalised judgment as the source of its publication copy: the signed content (checked against the
// signed hash), its signers in the court's time, and the note the anonymised DOCX carries.
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { courtTime, signedContentDoc, signedSourceOf } from '../../../../shared/anonymise/signed-source.js';
import { buildDocx, validateDocx } from '../../../../shared/docx/index.js';
import { canonicalContent } from '../../../../shared/drafting/canonical.js';
import { appendSignature } from '../../../../shared/drafting/finalisation.js';
import { requiredSigners } from '../../../../shared/drafting/signers.js';
import { contentHash, signContent } from '../../../../shared/drafting/signing.js';
import { recordVersion } from '../../../../shared/drafting/versions.js';
import type { DocNode } from '../../../../shared/templates/model.js';
import { newDocumentDoc, PANEL, testSigner, textOfBlock } from '../drafting/fixtures.js';

const SIGNED_AT = '2026-02-05T03:32:00.000Z';

function judgment(): Y.Doc {
  return newDocumentDoc([{ content: ['Bị cáo Nguyễn Văn An phạm tội.'] }, { content: ['Chủ tọa Trần Văn Bình.'] }], { kind: 'judgment', title: 'Bản án hình sự sơ thẩm', templateId: 'NQ05-2017/27-HS' });
}

async function finalise(doc: Y.Doc): Promise<string> {
  const required = requiredSigners('judgment', PANEL);
  if (!required.ok) throw new Error(required.error.messageEn);
  const presiding = required.value[0];
  if (!presiding) throw new Error('no presiding judge');
  const version = recordVersion(doc, 'signed', 'thamphan', undefined, SIGNED_AT);
  const entry = await signContent(doc, await testSigner(), { user: 'thamphan', staffId: presiding.staffId, signerName: presiding.name, capacity: presiding.capacity }, SIGNED_AT, version.id);
  const appended = appendSignature(doc, entry, required.value, SIGNED_AT);
  if (!appended.ok || !appended.value.finalised) throw new Error('not finalised');
  return entry.contentHash;
}

describe('signed source', () => {
  it('a draft has none; a finalised judgment gives its hash and signers in the court time', async () => {
    const doc = judgment();
    expect(signedSourceOf(doc)).toBeUndefined();
    const hash = await finalise(doc);
    const signed = signedSourceOf(doc);
    expect(signed?.contentHash).toBe(hash);
    expect(signed?.finalisation).toEqual({ sha256: hash, signers: [{ role: 'presidingJudge', name: 'Trần Văn Bình', signedAt: '2026-02-05T10:32:00+07:00' }] });
    expect(courtTime('not a time')).toBe('not a time');
  });

  it('reads the signed content from the signed version, and refuses content nobody signed', async () => {
    const doc = judgment();
    const hash = await finalise(doc);
    const signed = signedSourceOf(doc);
    if (!signed) throw new Error('not signed');
    const content = await signedContentDoc(doc, signed);
    expect(content.ok && (await contentHash(canonicalContent(content.value)))).toBe(hash);

    // A body changed behind the lock (the server refuses this; a corrupt replica could hold it), and no version to fall back on.
    textOfBlock(doc, 0).insert(0, 'SỬA ');
    const noVersion = { ...signed, versionId: 'missing' };
    const refused = await signedContentDoc(doc, noVersion);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.messageVi).toMatch(/không tạo bản công bố từ nội dung chưa được ký/);
    // With the version, the signed text is still there.
    const fromVersion = await signedContentDoc(doc, signed);
    expect(fromVersion.ok && (await contentHash(canonicalContent(fromVersion.value)))).toBe(hash);
  });

  it('the anonymised DOCX names the signed content by its hash, in the last-page note and the properties', async () => {
    const doc = judgment();
    await finalise(doc);
    const signed = signedSourceOf(doc);
    if (!signed) throw new Error('not signed');
    const copy: DocNode = {
      type: 'doc',
      attrs: { templateId: 'NQ05-2017/27-HS', templateVersion: '1.0.0' },
      content: [{ type: 'paragraph', attrs: { align: 'justify', indentFirstLine: true, spacingBefore: 0 }, content: [{ type: 'text', text: 'Bị cáo Nguyễn Văn A phạm tội.' }] }],
    };
    const bytes = await buildDocx(copy, { title: 'Bản án hình sự sơ thẩm', court: 'Tòa án nhân dân khu vực 1 - Vĩnh Long', publicationOf: { signed: signed.finalisation, sourceTitle: 'Bản án hình sự sơ thẩm' } });
    expect(validateDocx(bytes).ok).toBe(true);
    const files = unzipSync(bytes);
    const text = [...strFromU8(files['word/document.xml'] ?? new Uint8Array()).matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('\n');
    expect(text).toContain('Bản công bố (thông tin cá nhân đã được mã hóa theo Nghị quyết số 03/2017/NQ-HĐTP) được tạo từ văn bản đã ký: Bản án hình sự sơ thẩm.');
    expect(text).toContain('Trần Văn Bình, ký lúc 10 giờ 32 phút ngày 05/02/2026');
    expect(text).toContain(`Mã băm SHA-256 của nội dung đã ký: ${signed.contentHash}`);
    // It never claims to be the signed document itself.
    expect(text).not.toContain('Văn bản đã hoàn tất và được ký');
    const custom = strFromU8(files['docProps/custom.xml'] ?? new Uint8Array());
    expect(custom).toContain('SourceSHA256');
    expect(custom).toContain(signed.contentHash);
    expect(strFromU8(files['docProps/core.xml'] ?? new Uint8Array())).toContain(`Bản công bố; SHA-256 nội dung đã ký ${signed.contentHash}`);
  });
});
