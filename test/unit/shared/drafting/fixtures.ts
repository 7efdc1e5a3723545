/**
 * Document docs for the drafting tests, shaped as y-prosemirror stores a TipTap document: block
 * nodes are XmlElements with their attrs as XML attributes, text is an XmlText whose formatting
 * attributes are the marks, and inline atoms (fields, hard breaks) are XmlElements.
 */
import * as Y from 'yjs';
import { DOCUMENT_ROOT, type DocumentPanelMember } from '../../../../shared/drafting/document-doc.js';

export type Inline = string | { text: string; marks: Record<string, object> } | { field: string; value: string; label?: string } | { hardBreak: true };
export interface Block {
  type?: string;
  attrs?: Record<string, unknown>;
  content: Inline[];
}

export const PANEL: DocumentPanelMember[] = [
  { staffId: 's-judge-01', role: 'presidingJudge', name: 'Trần Văn Bình' },
  { staffId: 's-assessor-03', role: 'assessor', name: 'Lê Thị Cúc' },
  { staffId: 's-assessor-07', role: 'assessor', name: 'Phạm Văn Dũng' },
  { staffId: 's-clerk-01', role: 'clerk', name: 'Nguyễn Thị Hoa' },
  { staffId: 's-prosecutor-02', role: 'prosecutor', name: 'Võ Văn Em' },
];

export function newDocumentDoc(blocks: Block[], meta: Record<string, unknown> = {}): Y.Doc {
  const doc = new Y.Doc({ gc: false });
  doc.transact(() => {
    const m = doc.getMap(DOCUMENT_ROOT.meta);
    const base: Record<string, unknown> = {
      documentId: 'd-0001',
      caseId: 'c-0001',
      courtId: 'tand-kv1-vinhlong',
      kind: 'hearingMinutes',
      title: 'Biên bản phiên tòa',
      templateId: 'NQ01-2017/48-DS',
      templateVersion: '1.0.0',
      createdAt: '2025-11-28T08:00:00.000Z',
      createdBy: 'thuky',
      status: 'draft',
      panel: PANEL,
      ...meta,
    };
    for (const [k, v] of Object.entries(base)) m.set(k, v);
    const body = doc.getXmlFragment(DOCUMENT_ROOT.body);
    body.insert(0, blocks.map(toElement));
  });
  return doc;
}

export function toElement(block: Block): Y.XmlElement {
  const el = new Y.XmlElement(block.type ?? 'paragraph');
  for (const [k, v] of Object.entries(block.attrs ?? { align: 'justify', indentFirstLine: true, spacingBefore: 0 })) el.setAttribute(k, v as string);
  const children: (Y.XmlText | Y.XmlElement)[] = [];
  for (const inline of block.content) {
    if (typeof inline === 'string' || 'text' in inline) {
      // A prelim XmlText queues the insert until it is integrated into the doc.
      const text = new Y.XmlText();
      if (typeof inline === 'string') text.insert(0, inline);
      else text.insert(0, inline.text, inline.marks);
      children.push(text);
    } else if ('field' in inline) {
      const f = new Y.XmlElement('field');
      f.setAttribute('path', inline.field);
      f.setAttribute('label', inline.label ?? inline.field);
      f.setAttribute('value', inline.value);
      f.setAttribute('status', inline.value ? 'filled' : 'missing');
      f.setAttribute('frozen', false as unknown as string);
      children.push(f);
    } else {
      children.push(new Y.XmlElement('hardBreak'));
    }
  }
  el.insert(0, children);
  return el;
}

/** The first (or last) XmlText of the `index`-th body block. */
export function textOfBlock(doc: Y.Doc, index: number, which: 'first' | 'last' = 'first'): Y.XmlText {
  const el = doc.getXmlFragment(DOCUMENT_ROOT.body).get(index) as Y.XmlElement;
  const texts = el.toArray().filter((c): c is Y.XmlText => c instanceof Y.XmlText);
  const text = which === 'first' ? texts[0] : texts.at(-1);
  if (!text) throw new Error(`Block ${index} has no text`);
  return text;
}

/** A signer backed by a fresh WebCrypto Ed25519 key (Node 20 has it, like Chromium). */
export async function testSigner(): Promise<{ keyId: string; publicKey: string; sign(data: Uint8Array): Promise<Uint8Array> }> {
  const { deviceKeyId } = await import('../../../../shared/drafting/signing.js');
  const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, false, ['sign', 'verify'])) as CryptoKeyPair;
  const raw = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
  const publicKey = Buffer.from(raw).toString('base64');
  return {
    keyId: await deviceKeyId(publicKey),
    publicKey,
    sign: async (data) => new Uint8Array(await crypto.subtle.sign({ name: 'Ed25519' }, pair.privateKey, new Uint8Array(data))),
  };
}
