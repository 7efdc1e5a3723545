// The well-formedness check that guards every DOCX export.
import { describe, expect, it } from 'vitest';
import { checkXml } from '../../../../shared/docx/xml-check.js';

describe('checkXml', () => {
  it('accepts well-formed XML with a declaration, namespaces, entities, comments and CDATA', () => {
    const xml = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:doc xmlns:w="urn:x"><!-- c --><w:t xml:space="preserve">A &amp; B &#x1EA0; &#39;</w:t><w:br/><x><![CDATA[<raw>]]></x></w:doc>';
    expect(checkXml(xml)).toBeUndefined();
  });

  it.each([
    ['<a><b></a></b>', '</a> closes <b>'],
    ['<a>', 'never closed'],
    ['<a/><b/>', 'more than one root'],
    ['<a x="1" x="2"/>', 'duplicate attribute'],
    ['<a>A & B</a>', 'bad entity'],
    ['<a>&nbsp;</a>', 'bad entity'],
    ['<a x="<"/>', 'malformed tag'],
    ['<!DOCTYPE a><a/>', 'DTD'],
    ['text<a/>', 'outside the root'],
    ['<a>\u0001</a>', 'forbidden character'],
    ['', 'no root'],
    ['<a/>\n<?xml version="1.0"?>', 'declaration not at the start'],
  ])('refuses %j (%s)', (xml, message) => {
    expect(checkXml(xml)?.message).toContain(message);
  });

  it('reports the line of the problem', () => {
    expect(checkXml('<a>\n<b>\n</c></a>')?.line).toBe(3);
  });
});
