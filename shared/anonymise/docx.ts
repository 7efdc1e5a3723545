/**
 * Anonymises a DOCX file in place of its text: the body, headers, footers and notes. Each `w:p`
 * paragraph's `w:t` runs are scanned as one text (a name split across runs by a formatting change
 * or a spell-check mark is still found) and rewritten run by run, so formatting stays. The result
 * is checked with validateDocx before it is returned.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { validateDocx } from '../docx/validate.js';
import { domainError, err, ok, type Result } from '../domain/result.js';
import { Anonymiser } from './engine.js';
import type { AnonymiseOptions, PartyInput, Replacement } from './model.js';
import { ReplacementReport } from './report.js';
import { applyToSegments, type Segment } from './segments.js';

export interface AnonymisedDocx {
  readonly bytes: Uint8Array;
  readonly replacements: readonly Replacement[];
}

const TEXT_PARTS = /^word\/(document|header\d*|footer\d*|footnotes|endnotes)\.xml$/;
const TOKENS = /<w:p[\s>]|<\/w:p>|<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:t\s*\/>|<w:(?:tab|br|cr)\b[^>]*\/>/g;

const decode = (text: string): string =>
  text.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_, e: string) =>
    e === 'amp' ? '&' : e === 'lt' ? '<' : e === 'gt' ? '>' : e === 'quot' ? '"' : e === 'apos' ? "'" : String.fromCodePoint(e.startsWith('#x') ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)),
  );
const encode = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

interface Run {
  /** Where the text content sits in the XML (for `w:t`), or -1 for a tab or break. */
  readonly at: number;
  readonly length: number;
  /** Offset of the `<w:t …>` opening tag and its length, to add xml:space="preserve". */
  readonly tagAt: number;
  readonly tagLength: number;
  readonly segment: Segment;
}

function anonymisePart(xml: string, engine: Anonymiser, report: ReplacementReport, part: string): string {
  const stack: Run[][] = [];
  const changes: { at: number; length: number; text: string }[] = [];
  let paragraphIndex = 0;
  const flush = (runs: Run[]) => {
    const index = paragraphIndex++;
    if (runs.length === 0) return;
    const segments = runs.map((r) => r.segment);
    const { edits, found } = engine.scan(segments.map((s) => s.text).join(''));
    if (edits.length === 0) return;
    report.add(found, `${part}#p${index}`);
    const texts = applyToSegments(segments, edits);
    runs.forEach((run, i) => {
      const text = texts[i] ?? '';
      if (run.at < 0 || text === run.segment.text) return;
      const tag = xml.slice(run.tagAt, run.tagAt + run.tagLength);
      if (!/xml:space=/.test(tag)) changes.push({ at: run.tagAt, length: run.tagLength, text: tag.replace(/^<w:t/, '<w:t xml:space="preserve"') });
      changes.push({ at: run.at, length: run.length, text: encode(text) });
    });
  };
  for (const m of xml.matchAll(TOKENS)) {
    const token = m[0];
    if (token.startsWith('</w:p>')) flush(stack.pop() ?? []);
    else if (token.startsWith('<w:p')) stack.push([]);
    else if (token.startsWith('<w:t')) {
      const content = m[1] ?? '';
      const tagLength = token.length - content.length - '</w:t>'.length;
      stack[stack.length - 1]?.push({ at: m.index + tagLength, length: content.length, tagAt: m.index, tagLength, segment: { text: decode(content).normalize('NFC'), editable: true } });
    } else stack[stack.length - 1]?.push({ at: -1, length: 0, tagAt: -1, tagLength: 0, segment: { text: token.includes(':tab') ? '\t' : '\n', editable: false } });
  }
  if (changes.length === 0) return xml;
  changes.sort((a, b) => a.at - b.at);
  let out = '';
  let at = 0;
  for (const change of changes) {
    out += xml.slice(at, change.at) + change.text;
    at = change.at + change.length;
  }
  return out + xml.slice(at);
}

export function anonymiseDocx(bytes: Uint8Array, parties: readonly PartyInput[], options: AnonymiseOptions = {}): Result<AnonymisedDocx> {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes);
  } catch {
    return err(domainError('anonymise.notDocx', 'Tệp không phải tệp DOCX', 'The file is not a DOCX package'));
  }
  if (!files['word/document.xml']) return err(domainError('anonymise.notDocx', 'Tệp DOCX không có word/document.xml', 'No word/document.xml in the package'));
  const engine = new Anonymiser(parties, options);
  const report = new ReplacementReport();
  const out: Record<string, Uint8Array> = {};
  for (const [name, data] of Object.entries(files)) {
    out[name] = TEXT_PARTS.test(name) ? strToU8(anonymisePart(strFromU8(data), engine, report, name)) : data;
  }
  const result = zipSync(out, { level: 6 });
  const check = validateDocx(result);
  if (!check.ok) return check;
  return ok({ bytes: result, replacements: report.list() });
}
