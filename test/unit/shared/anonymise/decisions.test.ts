// The judge's review decisions applied to the anonymiser: reject keeps the original, add replaces everywhere.
import { describe, expect, it } from 'vitest';
import {
  addReplacement,
  EMPTY_DECISIONS,
  rejectLine,
  removeAddition,
  replacementKey,
  reviewDoc,
  reviewText,
  type ReviewDecisions,
} from '../../../../shared/anonymise/index.js';
import { anonymiseDocx } from '../../../../shared/anonymise/docx.js';
import { decisionOptions } from '../../../../shared/anonymise/decisions.js';
import { buildDocx } from '../../../../shared/docx/index.js';
import type { DocNode, InlineNode } from '../../../../shared/templates/model.js';
import { docToText } from '../../../../shared/templates/text.js';
import { strFromU8, unzipSync } from 'fflate';

const para = (text: string) => ({
  type: 'paragraph' as const,
  attrs: { align: 'justify' as const, indentFirstLine: true, spacingBefore: 0 },
  content: [{ type: 'text', text } satisfies InlineNode],
});

const judgment: DocNode = {
  type: 'doc',
  attrs: { templateId: 'NQ01-2017/52-DS', templateVersion: '1.0.0' },
  content: [
    para('Nguyên đơn: bà Trần Thị Bích, sinh năm 1980; số điện thoại 0912345678.'),
    para('Bị đơn: ông Lê Văn Cường. Người làm chứng: bà Lê Thị Hoa, con gái bị đơn.'),
    para('Bà Trần Thị Bích cho vay; ông Lê Văn Cường đã trả một phần. LÊ THỊ HOA xác nhận.'),
  ],
};
const parties = [
  { name: 'Trần Thị Bích', role: 'plaintiff' },
  { name: 'Lê Văn Cường', role: 'defendant' },
  { name: 'Phạm Minh Tuấn', role: 'presidingJudge' },
];

const decide = (...steps: ((d: ReviewDecisions) => ReviewDecisions)[]) => steps.reduce((d, step) => step(d), EMPTY_DECISIONS);
const add = (original: string, replacement: string) => (d: ReviewDecisions) => {
  const r = addReplacement(d, { original, replacement });
  if (!r.ok) throw new Error(r.error.messageEn);
  return r.value;
};

describe('review decisions', () => {
  const proposal = reviewDoc(judgment, parties, EMPTY_DECISIONS);
  const plaintiff = proposal.proposal.replacements.find((r) => r.original === 'Trần Thị Bích');
  const phone = proposal.proposal.replacements.find((r) => r.kind === 'phone');

  it('accepts every proposed line by default', () => {
    expect(proposal.lines.every((l) => l.status === 'accepted')).toBe(true);
    expect(docToText(proposal.copy.doc)).toBe(docToText(proposal.proposal.doc));
    expect(plaintiff).toMatchObject({ replacement: 'Trần Thị B', count: 2 });
  });

  it('a rejected line keeps the original text in every mention, and other lines still apply', () => {
    if (!plaintiff) throw new Error('no plaintiff line');
    const decisions = decide((d) => rejectLine(d, replacementKey(plaintiff), true));
    const review = reviewDoc(judgment, parties, decisions);
    const text = docToText(review.copy.doc);
    expect(text.match(/Trần Thị Bích/g)).toHaveLength(2);
    expect(text).toContain('ông Lê Văn C');
    const line = review.lines.find((l) => l.original === 'Trần Thị Bích');
    // The rejected line still shows where its mentions are, so the judge can read them.
    expect(line).toMatchObject({ status: 'rejected', count: 2 });
    expect(line?.positions).toHaveLength(2);
    // Accepting again restores the proposal.
    const back = reviewDoc(judgment, parties, rejectLine(decisions, replacementKey(plaintiff), false));
    expect(docToText(back.copy.doc)).toBe(docToText(proposal.proposal.doc));
  });

  it('a rejected span stays protected from lower rules', () => {
    // "anh Tuấn"-style short names are a lower rule; rejecting the full name must not let it cut inside.
    const text = 'Bị đơn Lê Văn Cường; ông Cường có mặt.';
    const base = reviewText(text, parties, EMPTY_DECISIONS);
    const full = base.proposal.replacements.find((r) => r.kind === 'person');
    if (!full) throw new Error('no person line');
    const reviewed = reviewText(text, parties, rejectLine(EMPTY_DECISIONS, replacementKey(full), true));
    expect(reviewed.copy.text).toBe('Bị đơn Lê Văn Cường; ông C có mặt.');
  });

  it('an added replacement applies consistently, in any case, and gets one line', () => {
    const review = reviewDoc(judgment, parties, decide(add('Lê Thị Hoa', 'Lê Thị H')));
    const text = docToText(review.copy.doc);
    expect(text).not.toMatch(/Lê Thị Hoa/i);
    expect(text).toContain('bà Lê Thị H, con gái');
    expect(text).toContain('LÊ THỊ H xác nhận');
    const line = review.lines.find((l) => l.status === 'added');
    expect(line).toMatchObject({ kind: 'manual', original: 'Lê Thị Hoa', replacement: 'Lê Thị H', count: 2 });
    expect(review.lines.filter((l) => l.status === 'added')).toHaveLength(1);
  });

  it('an addition wins over an officer and over a proposed line', () => {
    const review = reviewDoc(judgment, parties, decide(add('Trần Thị Bích', 'bà X')));
    const text = docToText(review.copy.doc);
    expect(text).toContain('Nguyên đơn: bà bà X');
    expect(review.lines.find((l) => l.original === 'Trần Thị Bích' && l.status === 'accepted')?.count).toBe(0);
  });

  it('validates additions with Vietnamese messages', () => {
    const once = decide(add('Lê Thị Hoa', 'Lê Thị H'));
    const cases: [string, string, string][] = [
      ['', 'A', 'review.originalTooShort'],
      ['H', 'X', 'review.originalTooShort'],
      ['Lê Thị Hoa', '  ', 'review.replacementEmpty'],
      ['Hoa', 'Hoa', 'review.sameText'],
      ['lê  thị hoa', 'Lê Thị H2', 'review.duplicate'],
    ];
    for (const [original, replacement, code] of cases) {
      const r = addReplacement(once, { original, replacement });
      expect(r.ok ? 'ok' : r.error.code).toBe(code);
      if (!r.ok) expect(r.error.messageVi).toMatch(/\p{L}/u);
    }
    expect(removeAddition(once, 'LÊ THỊ HOA').added).toEqual([]);
  });

  it('NFD input and extra spaces in an addition are normalised', () => {
    const r = addReplacement(EMPTY_DECISIONS, { original: ' Lê  Thị Hoa '.normalize('NFD'), replacement: 'Lê Thị H' });
    expect(r.ok && r.value.added[0]?.original).toBe('Lê Thị Hoa');
  });

  it('the DOCX copy reflects the same decisions', async () => {
    if (!phone) throw new Error('no phone line');
    const decisions = decide((d) => rejectLine(d, replacementKey(phone), true), add('Lê Thị Hoa', 'Lê Thị H'));
    const bytes = await buildDocx(judgment, { title: 'Bản án', court: 'Tòa án nhân dân khu vực 1 - Vĩnh Long' });
    const out = anonymiseDocx(bytes, parties, decisionOptions(decisions));
    if (!out.ok) throw new Error(out.error.messageEn);
    const xml = strFromU8(unzipSync(out.value.bytes)['word/document.xml'] ?? new Uint8Array());
    expect(xml).toContain('0912345678');
    expect(xml).toContain('Lê Thị H,');
    expect(xml).not.toContain('Lê Thị Hoa');
    expect(xml).not.toContain('Trần Thị Bích');
  });
});
