/**
 * Document bodies for the catch-up bench: the 60,000 documents beside 20,000 cases (three
 * per case: minutes, a decision, a judgment draft). Each is a Y.Doc shaped like the editor's
 * (`body` XmlFragment of paragraphs, shared/drafting/document-doc.ts) with ~8 KB of Vietnamese
 * text built from the case, so the bytes on the wire and in IndexedDB are those of real minutes.
 * Written straight into the server's store before it starts, like the demo court's case docs, with
 * the doc-access record the server keeps for every document it applied (doc-registry.ts), so the
 * pulls measure the server as it runs, not a one-off back-fill of that index.
 */
import * as Y from 'yjs';
import type { Case } from '../../../shared/domain/schemas.js';
import { DOCUMENT_ROOT } from '../../../shared/drafting/document-doc.js';
import { documentAccessMetaOfState } from '../../../server/docs/document-rules.js';
import { openSqliteStore } from '../../../server/store/sqlite-store.js';

export const BODIES_PER_CASE = 3;
const KINDS = ['hearingMinutes', 'decision', 'judgment'] as const;

function bodyDoc(kase: Case, index: number): Y.Doc {
  const doc = new Y.Doc({ gc: false });
  const kind = KINDS[index % KINDS.length]!;
  doc.getMap(DOCUMENT_ROOT.meta).set('documentId', `${kase.id}-d${index}`);
  doc.getMap(DOCUMENT_ROOT.meta).set('caseId', kase.id);
  doc.getMap(DOCUMENT_ROOT.meta).set('kind', kind);
  const names = kase.parties.map((p) => p.fullName);
  const paragraphs: Y.XmlElement[] = [];
  for (let line = 0; line < 40; line++) {
    const who = names[line % Math.max(1, names.length)] ?? 'Đương sự';
    const p = new Y.XmlElement('paragraph');
    p.insert(0, [
      new Y.XmlText(
        `[${line + 1}] ${who} trình bày về ${kase.subject.toLowerCase()}: yêu cầu Tòa án xem xét các tài liệu, chứng cứ đã nộp, đối chiếu với quy định của Bộ luật Tố tụng dân sự và ý kiến của các đương sự tại phiên tòa.`,
      ),
    ]);
    paragraphs.push(p);
  }
  doc.getXmlFragment(DOCUMENT_ROOT.body).insert(0, paragraphs);
  return doc;
}

/** Appends BODIES_PER_CASE body docs per case to the store in `dataDir`; answers how many and their bytes. */
export async function seedDocumentBodies(dataDir: string, courtId: string, cases: readonly Case[]): Promise<{ docs: number; bytes: number }> {
  const store = openSqliteStore(dataDir);
  let docs = 0;
  let bytes = 0;
  try {
    for (const kase of cases) {
      for (let i = 0; i < BODIES_PER_CASE; i++) {
        const doc = bodyDoc(kase, i);
        const update = Y.encodeStateAsUpdate(doc);
        doc.destroy();
        const docKey = `doc/${kase.id}-d${i}`;
        await store.appendUpdate(courtId, docKey, update);
        await store.putDocAccess(courtId, docKey, documentAccessMetaOfState(update)?.restrictedToStaff ?? null);
        docs++;
        bytes += update.byteLength;
      }
    }
  } finally {
    await store.close();
  }
  return { docs, bytes };
}
