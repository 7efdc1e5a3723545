/**
 * Checks a DOCX package before it is written (the export never leaves a half-valid file behind):
 * it unzips, every XML part is well-formed, the parts Word needs exist ([Content_Types].xml, the
 * package relationships, word/document.xml and its relationships), the package points to the main
 * document, every internal relationship target exists, every `r:id`/`r:embed` in the document
 * resolves, and every part has a content type.
 */
import { unzipSync } from 'fflate';
import { domainError, err, ok, type Result } from '../domain/result.js';
import { fromUtf8 } from '../templates/crypto.js';
import { checkXml } from './xml-check.js';

export interface DocxReport {
  /** Part names in the package. */
  readonly parts: readonly string[];
  /** Characters of word/document.xml (a size hint). */
  readonly documentXmlLength: number;
}

const REQUIRED = ['[Content_Types].xml', '_rels/.rels', 'word/document.xml', 'word/_rels/document.xml.rels'];
const OFFICE_DOCUMENT = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument';

const invalid = (detail: string) =>
  err(domainError('docx.invalid', 'Tệp DOCX tạo ra không hợp lệ, chưa ghi tệp', 'The generated DOCX is not valid; nothing was written', detail));

interface Relationship {
  readonly id: string;
  readonly type: string;
  readonly target: string;
  readonly external: boolean;
}

function attr(tag: string, name: string): string | undefined {
  return new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
}

function relationships(xml: string): Relationship[] {
  return [...xml.matchAll(/<Relationship\b[^>]*>/g)].map(([tag]) => ({
    id: attr(tag, 'Id') ?? '',
    type: attr(tag, 'Type') ?? '',
    target: attr(tag, 'Target') ?? '',
    external: attr(tag, 'TargetMode') === 'External',
  }));
}

/** Resolves a relationship target against the folder of its source part. */
function resolve(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base === '' ? [] : base.split('/');
  for (const piece of target.split('/')) {
    if (piece === '..') parts.pop();
    else if (piece !== '.' && piece !== '') parts.push(piece);
  }
  return parts.join('/');
}

export function validateDocx(bytes: Uint8Array): Result<DocxReport> {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes);
  } catch (error) {
    return invalid(`not a zip package: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parts = Object.keys(files).filter((name) => !name.endsWith('/'));
  for (const name of REQUIRED) if (!(name in files)) return invalid(`missing part ${name}`);
  const texts = new Map<string, string>();
  for (const name of parts) {
    if (!/\.(xml|rels)$/.test(name)) continue;
    let text: string;
    try {
      text = fromUtf8(files[name] ?? new Uint8Array());
    } catch {
      return invalid(`${name}: not UTF-8`);
    }
    const problem = checkXml(text);
    if (problem) return invalid(`${name}, line ${problem.line}: ${problem.message}`);
    texts.set(name, text);
  }
  const packageRels = relationships(texts.get('_rels/.rels') ?? '');
  const main = packageRels.find((r) => r.type === OFFICE_DOCUMENT);
  if (!main || resolve('', main.target) !== 'word/document.xml') return invalid('_rels/.rels does not point to word/document.xml');
  for (const name of parts.filter((n) => n.endsWith('.rels'))) {
    const source = name.replace(/_rels\/([^/]*)\.rels$/, '$1');
    const base = source.includes('/') ? source.slice(0, source.lastIndexOf('/')) : '';
    for (const rel of relationships(texts.get(name) ?? '')) {
      if (!rel.external && !(resolve(base, rel.target) in files)) return invalid(`${name}: ${rel.id} points to missing part ${rel.target}`);
    }
  }
  const documentXml = texts.get('word/document.xml') ?? '';
  const ids = new Set(relationships(texts.get('word/_rels/document.xml.rels') ?? '').map((r) => r.id));
  for (const [, id] of documentXml.matchAll(/\sr:(?:id|embed|link)="([^"]*)"/g)) {
    if (!ids.has(id ?? '')) return invalid(`word/document.xml refers to unknown relationship ${id ?? ''}`);
  }
  const contentTypes = texts.get('[Content_Types].xml') ?? '';
  const defaults = new Set([...contentTypes.matchAll(/<Default\b[^>]*\sExtension="([^"]*)"/g)].map((m) => (m[1] ?? '').toLowerCase()));
  const overrides = new Set([...contentTypes.matchAll(/<Override\b[^>]*\sPartName="([^"]*)"/g)].map((m) => (m[1] ?? '').replace(/^\//, '')));
  for (const name of parts) {
    if (name === '[Content_Types].xml') continue;
    const extension = name.slice(name.lastIndexOf('.') + 1).toLowerCase();
    if (!overrides.has(name) && !defaults.has(extension)) return invalid(`${name} has no content type`);
  }
  return ok({ parts, documentXmlLength: documentXml.length });
}
