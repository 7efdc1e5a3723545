/**
 * Document JSON → checked DOCX bytes, loaded on demand (the `docx` library is the largest part of
 * the export). Nothing is handed to the bridge unless `validateDocx` accepts the package.
 */
import { domainError, err, ok, type Result } from '../../shared/domain/result.js';
import { buildDocx, validateDocx, type DocxMeta } from '../../shared/docx/index.js';
import type { DocNode } from '../../shared/templates/model.js';

export async function checkedDocx(doc: DocNode, meta: DocxMeta): Promise<Result<Uint8Array>> {
  let bytes: Uint8Array;
  try {
    bytes = await buildDocx(doc, meta);
  } catch (cause) {
    // The builder throws only on a bug; the clerk still gets a message, not a blank screen.
    return err(domainError('docx.build', 'Không tạo được tệp DOCX', 'The DOCX could not be built', String(cause)));
  }
  const check = validateDocx(bytes);
  return check.ok ? ok(bytes) : check;
}
