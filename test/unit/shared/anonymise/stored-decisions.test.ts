// Review decisions as they are kept (on the case, in the decisions file): matched by original text,
// stale when the text changed, checked with Vietnamese messages.
import { describe, expect, it } from 'vitest';
import {
  addStored,
  anonymiseText,
  NO_STORED_DECISIONS,
  parseDecisionsFile,
  parseStoredDecisions,
  removeStoredAddition,
  removeStoredRejection,
  resolveDecisions,
  reviewDocStored,
  reviewTextStored,
  setRejected,
  type StoredDecisions,
} from '../../../../shared/anonymise/index.js';
import { decisionsFile } from '../../../../shared/anonymise/review-record.js';
import type { DocNode, InlineNode } from '../../../../shared/templates/model.js';
import { docToText } from '../../../../shared/templates/text.js';

const parties = [
  { name: 'Trần Thị Bích', role: 'plaintiff' },
  { name: 'Lê Văn Cường', role: 'defendant' },
  { name: 'Phạm Minh Tuấn', role: 'presidingJudge' },
];
const TEXT = 'Nguyên đơn bà Trần Thị Bích; bị đơn ông Lê Văn Cường. Người làm chứng bà Lê Thị Hoa. Chủ tọa Phạm Minh Tuấn.';

const stored = (json: unknown): StoredDecisions => {
  const parsed = parseStoredDecisions(json);
  if (!parsed.ok) throw new Error(parsed.error.messageVi);
  return parsed.value;
};

describe('stored review decisions', () => {
  it('a rejection written as a bare original keeps that name; an addition replaces everywhere', () => {
    const decisions = stored({ rejected: ['lê văn  cường'], added: [{ original: 'Lê Thị Hoa', replacement: 'Lê Thị H' }] });
    const review = reviewTextStored(TEXT, parties, decisions);
    expect(review.copy.text).toBe('Nguyên đơn bà Trần Thị B; bị đơn ông Lê Văn Cường. Người làm chứng bà Lê Thị H. Chủ tọa Phạm Minh Tuấn.');
    expect(review.lines.map((l) => [l.original, l.status, l.count])).toEqual([
      ['Trần Thị Bích', 'accepted', 1],
      ['Lê Văn Cường', 'rejected', 1],
      ['Lê Thị Hoa', 'added', 1],
    ]);
  });

  it('a rejection still holds when the proposed replacement changed (a new party shifts the numbering)', () => {
    const before = anonymiseText(TEXT, parties).replacements.find((r) => r.original === 'Trần Thị Bích');
    if (!before) throw new Error('no line');
    const decisions = setRejected(NO_STORED_DECISIONS, before, true);
    expect(decisions.rejected).toEqual([{ kind: 'person', original: 'Trần Thị Bích', replacement: 'Trần Thị B' }]);
    // Trần Thị Bảo collides with Trần Thị Bích: the proposal becomes B1/B2, the rejection still applies.
    const more = [...parties, { name: 'Trần Thị Bảo', role: 'witness' }];
    const review = reviewTextStored(`${TEXT} Bà Trần Thị Bảo có mặt.`, more, decisions);
    expect(review.copy.text).toContain('bà Trần Thị Bích;');
    expect(review.copy.text).not.toContain('Trần Thị Bảo');
    expect(review.lines.find((l) => l.original === 'Trần Thị Bích')?.status).toBe('rejected');
  });

  it('a kind given in a rejection must match: rejecting a person does not keep an address of the same text', () => {
    const resolved = resolveDecisions({ rejected: [{ kind: 'address', original: 'Lê Văn Cường' }], added: [] }, anonymiseText(TEXT, parties).replacements);
    expect(resolved.decisions.rejected).toEqual([]);
    expect(resolved.staleRejected).toEqual([{ kind: 'address', original: 'Lê Văn Cường' }]);
  });

  it('decisions whose original left the text are stale: listed, not applied, removable', () => {
    const decisions = stored({ rejected: [{ kind: 'person', original: 'Lê Văn Cường', replacement: 'Lê Văn C' }], added: [{ original: 'Lê Thị Hoa', replacement: 'Lê Thị H' }] });
    const changed = 'Nguyên đơn bà Trần Thị Bích vắng mặt.';
    const review = reviewTextStored(changed, parties, decisions);
    expect(review.copy.text).toBe('Nguyên đơn bà Trần Thị B vắng mặt.');
    const stale = review.lines.filter((l) => l.status === 'stale');
    expect(stale.map((l) => [l.original, l.kind, l.count])).toEqual([
      ['Lê Thị Hoa', 'manual', 0],
      ['Lê Văn Cường', 'person', 0],
    ]);
    // Keys stay distinct from every live line.
    expect(new Set(review.lines.map((l) => l.key)).size).toBe(review.lines.length);
    const cleared = removeStoredRejection(removeStoredAddition(decisions, 'LÊ THỊ HOA'), { kind: 'person', original: 'Lê Văn Cường' });
    expect(cleared).toEqual(NO_STORED_DECISIONS);
  });

  it('documents: the same decisions give the same copy, and toggling back restores the proposal', () => {
    const para = (text: string) => ({ type: 'paragraph' as const, attrs: { align: 'justify' as const, indentFirstLine: true, spacingBefore: 0 }, content: [{ type: 'text', text } satisfies InlineNode] });
    const doc: DocNode = { type: 'doc', attrs: { templateId: 'NQ01-2017/52-DS', templateVersion: '1.0.0' }, content: [para(TEXT), para('Ông Lê Văn Cường trình bày.')] };
    const proposal = reviewDocStored(doc, parties, NO_STORED_DECISIONS);
    const line = proposal.lines.find((l) => l.original === 'Lê Văn Cường');
    if (!line) throw new Error('no line');
    const rejected = reviewDocStored(doc, parties, setRejected(NO_STORED_DECISIONS, line, true));
    expect(docToText(rejected.copy.doc).match(/Lê Văn Cường/g)).toHaveLength(2);
    const back = reviewDocStored(doc, parties, setRejected(setRejected(NO_STORED_DECISIONS, line, true), line, false));
    expect(docToText(back.copy.doc)).toBe(docToText(proposal.copy.doc));
  });

  it('additions are checked as in the dialog, with Vietnamese messages', () => {
    const once = addStored(NO_STORED_DECISIONS, { original: 'Lê Thị Hoa', replacement: 'Lê Thị H' });
    if (!once.ok) throw new Error(once.error.messageEn);
    const twice = addStored(once.value, { original: 'lê thị hoa', replacement: 'X' });
    expect(twice.ok ? 'ok' : twice.error.code).toBe('review.duplicate');
    const bad = parseStoredDecisions({ rejected: [], added: [{ original: 'H', replacement: 'X' }] });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.messageVi).toMatch(/added\.0: Hãy nhập đoạn cần thay/);
  });
});

describe('the decisions file', () => {
  it('round-trips what the dialog exports', () => {
    const decisions = stored({ rejected: [{ kind: 'person', original: 'Lê Văn Cường', replacement: 'Lê Văn C' }], added: [{ original: 'Lê Thị Hoa', replacement: 'Lê Thị H' }] });
    const file = decisionsFile(decisions, { caseNumber: '12/2025/TLST-DS', source: { kind: 'document', id: 'doc-1', title: 'Bản án', contentHash: 'a'.repeat(64) }, exportedBy: 'thamphan', exportedAt: '2026-01-05T03:00:00Z' });
    const parsed = parseDecisionsFile(JSON.stringify(file));
    expect(parsed.ok && parsed.value).toEqual(decisions);
  });

  it('refuses malformed files with a message that says what and where', () => {
    const refusals: [string, RegExp][] = [
      ['{ "rejected": [', /không phải JSON hợp lệ/],
      ['[]', /phải là một đối tượng/],
      ['{ "rejectd": [] }', /khóa không được hỗ trợ: "rejectd"/],
      ['{ "rejected": "Lê Văn Cường" }', /rejected: phải là một danh sách/],
      ['{ "rejected": [42] }', /rejected\.0: Mỗi mục "rejected"/],
      ['{ "added": [{ "original": "Lê Thị Hoa" }] }', /added\.0\.replacement/],
      ['{ "format": "other" }', /"format" phải là "courtdesk.publication-decisions"/],
      ['{ "rejected": [{ "original": "A B", "kind": "nickname" }] }', /rejected\.0/],
    ];
    for (const [text, message] of refusals) {
      const parsed = parseDecisionsFile(text);
      expect(parsed.ok, text).toBe(false);
      if (!parsed.ok) expect(parsed.error.messageVi, text).toMatch(message);
    }
  });
});
