/**
 * A small XML 1.0 well-formedness check for the parts of an OOXML package: one root element,
 * matching tags, well-formed attributes without duplicates, known or numeric entity references,
 * no characters XML forbids, no DTD (OOXML never has one). It is not a validating parser: it answers
 * "would Word's XML reader accept this", which is what a corrupt export fails. `shared/` has no
 * DOMParser, and one linear scan is fast enough for a 200-page document (a few MB).
 */

export interface XmlProblem {
  /** 1-based line of the problem. */
  readonly line: number;
  readonly message: string;
}

const NAME = /^[A-Za-z_:][\w.\-:\u00B7\u00C0-\uFFFF]*$/u;
// eslint-disable-next-line no-control-regex -- the control characters XML 1.0 forbids
const BAD_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
const ENTITY = /&(?:(?:amp|lt|gt|quot|apos)|#[0-9]+|#x[0-9A-Fa-f]+);/y;
const ATTRIBUTE = /\s*([^\s=/>]+)\s*=\s*(?:"([^"<]*)"|'([^'<]*)')/y;

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) line += 1;
  return line;
}

/**
 * Finds a bad `&` (one that does not start an entity reference) in `[from, to)`. The scan moves
 * forward only, so the next `&` is remembered: searching from every text node to the end of a
 * document without one would make the check quadratic.
 */
class Ampersands {
  private next = -2;
  constructor(private readonly text: string) {}

  bad(from: number, to: number): number {
    for (;;) {
      if (this.next !== -1 && this.next < from) this.next = this.text.indexOf('&', from);
      if (this.next === -1 || this.next >= to) return -1;
      ENTITY.lastIndex = this.next;
      if (!ENTITY.test(this.text)) return this.next;
      from = this.next + 1;
    }
  }
}

/** Returns the first problem, or undefined when the text is well-formed XML. */
export function checkXml(text: string): XmlProblem | undefined {
  const fail = (index: number, message: string): XmlProblem => ({ line: lineAt(text, index), message });
  const bad = BAD_CHAR.exec(text);
  if (bad) return fail(bad.index, `forbidden character U+${bad[0].charCodeAt(0).toString(16).padStart(4, '0')}`);
  const ampersands = new Ampersands(text);
  const stack: string[] = [];
  let roots = 0;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (i < text.length) {
    const lt = text.indexOf('<', i);
    const end = lt === -1 ? text.length : lt;
    // Character data between markup.
    if (end > i) {
      const amp = ampersands.bad(i, end);
      if (amp !== -1) return fail(amp, 'bad entity reference');
      if (stack.length === 0 && text.slice(i, end).trim() !== '') return fail(i, 'text outside the root element');
      if (text.slice(i, end).includes(']]>')) return fail(i, '"]]>" in text');
    }
    if (lt === -1) break;
    if (text.startsWith('<?', lt)) {
      const close = text.indexOf('?>', lt + 2);
      if (close === -1) return fail(lt, 'unterminated processing instruction');
      if (text.slice(lt + 2, lt + 5).toLowerCase() === 'xml' && /\s/.test(text.charAt(lt + 5)) && lt !== (text.charCodeAt(0) === 0xfeff ? 1 : 0)) {
        return fail(lt, 'XML declaration not at the start');
      }
      i = close + 2;
    } else if (text.startsWith('<!--', lt)) {
      const close = text.indexOf('-->', lt + 4);
      if (close === -1) return fail(lt, 'unterminated comment');
      i = close + 3;
    } else if (text.startsWith('<![CDATA[', lt)) {
      if (stack.length === 0) return fail(lt, 'CDATA outside the root element');
      const close = text.indexOf(']]>', lt + 9);
      if (close === -1) return fail(lt, 'unterminated CDATA section');
      i = close + 3;
    } else if (text.startsWith('<!', lt)) {
      return fail(lt, 'DTD or declaration not allowed');
    } else if (text.startsWith('</', lt)) {
      const close = text.indexOf('>', lt);
      if (close === -1) return fail(lt, 'unterminated end tag');
      const name = text.slice(lt + 2, close).trim();
      const open = stack.pop();
      if (open !== name) return fail(lt, open === undefined ? `unexpected </${name}>` : `</${name}> closes <${open}>`);
      i = close + 1;
    } else {
      let j = lt + 1;
      while (j < text.length && !/[\s/>]/.test(text.charAt(j))) j += 1;
      const name = text.slice(lt + 1, j);
      if (!NAME.test(name)) return fail(lt, `bad element name "${name}"`);
      const seen = new Set<string>();
      for (;;) {
        ATTRIBUTE.lastIndex = j;
        const m = ATTRIBUTE.exec(text);
        if (!m) break;
        const attr = m[1] ?? '';
        if (!NAME.test(attr)) return fail(j, `bad attribute name "${attr}"`);
        if (seen.has(attr)) return fail(j, `duplicate attribute "${attr}"`);
        seen.add(attr);
        const valueStart = j;
        j = ATTRIBUTE.lastIndex;
        const amp = ampersands.bad(valueStart, j);
        if (amp !== -1) return fail(amp, 'bad entity reference in attribute');
      }
      while (j < text.length && /\s/.test(text.charAt(j))) j += 1;
      if (text.startsWith('/>', j)) {
        if (stack.length === 0) roots += 1;
        i = j + 2;
      } else if (text.charAt(j) === '>') {
        if (stack.length === 0) roots += 1;
        stack.push(name);
        i = j + 1;
      } else return fail(j, `malformed tag <${name}>`);
      if (roots > 1) return fail(lt, 'more than one root element');
    }
  }
  if (stack.length > 0) return fail(text.length, `<${stack[stack.length - 1] ?? ''}> is never closed`);
  if (roots === 0) return fail(0, 'no root element');
  return undefined;
}
