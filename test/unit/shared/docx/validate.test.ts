// validateDocx: a generated package passes; a broken one is refused with a Vietnamese message.
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildDocx } from '../../../../shared/docx/build.js';
import { validateDocx } from '../../../../shared/docx/validate.js';
import type { DocNode } from '../../../../shared/templates/model.js';

const doc: DocNode = {
  type: 'doc',
  attrs: { templateId: 'T', templateVersion: '1.0.0' },
  content: [{ type: 'paragraph', attrs: { align: 'justify', indentFirstLine: true, spacingBefore: 0 }, content: [{ type: 'text', text: 'Nội dung' }] }],
};

async function tampered(edit: (files: Record<string, Uint8Array>) => void): Promise<Uint8Array> {
  const files = unzipSync(await buildDocx(doc, { title: 'T', court: 'Tòa án' }));
  edit(files);
  return zipSync(files);
}

describe('validateDocx', () => {
  it('accepts what buildDocx makes and lists its parts', async () => {
    const result = validateDocx(await buildDocx(doc, { title: 'T', court: 'Tòa án' }));
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value.parts).toEqual(expect.arrayContaining(['word/document.xml', 'word/styles.xml', '[Content_Types].xml']));
  });

  it('refuses bytes that are not a zip', () => {
    const result = validateDocx(new Uint8Array([1, 2, 3, 4]));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.messageVi).toContain('không hợp lệ');
  });

  it('refuses a malformed document part, naming it', async () => {
    const bytes = await tampered((f) => {
      f['word/document.xml'] = strToU8(strFromU8(f['word/document.xml'] ?? new Uint8Array()).replace('</w:body>', ''));
    });
    const result = validateDocx(bytes);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.detail).toMatch(/^word\/document\.xml, line \d+/);
  });

  it('refuses a package without its main document or with a dangling relationship', async () => {
    const missing = validateDocx(await tampered((f) => delete f['word/document.xml']));
    expect(!missing.ok && missing.error.detail).toBe('missing part word/document.xml');
    const dangling = validateDocx(await tampered((f) => delete f['word/styles.xml']));
    expect(!dangling.ok && dangling.error.detail).toMatch(/points to missing part styles\.xml/);
  });
});
