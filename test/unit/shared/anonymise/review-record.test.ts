// The publication review kept on the case doc: one entry per source, validated, synced like any edit.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createCaseDoc, readCase } from '../../../../shared/domain/case-doc.js';
import { recordPublication, recordPublicationReview, type EditContext } from '../../../../shared/domain/case-mutations.js';
import { sourceKey } from '../../../../shared/anonymise/review-record.js';
import { NOW, sampleCase } from '../domain/sample-case.js';

const ctx: EditContext = { now: NOW, origin: 'test' };
const HASH = 'ab'.repeat(32);
const judgment = { kind: 'document', id: 'doc-judgment-1', title: 'Bản án dân sự sơ thẩm', contentHash: HASH } as const;
const template = { kind: 'template', id: 'NQ01-2017/52-DS', title: 'Bản án dân sự sơ thẩm' } as const;

describe('recordPublicationReview', () => {
  it('keeps one review per source, with who and when, beside the publication decision', () => {
    const doc = createCaseDoc(sampleCase());
    const first = recordPublicationReview(doc, { source: judgment, updatedBy: 'thamphan', rejected: [{ kind: 'person', original: 'Lê Văn Cường', replacement: 'Lê Văn C' }], added: [] }, ctx);
    expect(first.ok).toBe(true);
    const second = recordPublicationReview(doc, { source: template, updatedBy: 'thamphan', added: [{ original: ' Lê  Thị Hoa ', replacement: 'Lê Thị H' }] }, ctx);
    expect(second.ok).toBe(true);
    // Recording the publication decision afterwards does not touch the reviews.
    expect(recordPublication(doc, { state: 'pending', decidedBy: 'Phạm Minh Tuấn', legalEffectDate: '2025-07-01' }, ctx).ok).toBe(true);
    const kase = readCase(doc);
    expect(Object.keys(kase.publicationReviews ?? {}).sort()).toEqual([sourceKey(judgment), sourceKey(template)].sort());
    expect(kase.publicationReviews?.[sourceKey(judgment)]).toEqual({
      source: judgment,
      updatedBy: 'thamphan',
      updatedAt: NOW,
      rejected: [{ kind: 'person', original: 'Lê Văn Cường', replacement: 'Lê Văn C' }],
      added: [],
    });
    expect(kase.publicationReviews?.[sourceKey(template)]?.added).toEqual([{ original: 'Lê Thị Hoa', replacement: 'Lê Thị H' }]);
    expect(kase.publication?.state).toBe('pending');
  });

  it('replaces the review of the same source and syncs to another replica', () => {
    const doc = createCaseDoc(sampleCase());
    recordPublicationReview(doc, { source: judgment, updatedBy: 'a', rejected: ['Lê Văn Cường'] }, ctx);
    recordPublicationReview(doc, { source: judgment, updatedBy: 'b', rejected: [] }, { ...ctx, now: '2026-01-06T00:00:00Z' });
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    const review = readCase(other).publicationReviews?.[sourceKey(judgment)];
    expect(review).toMatchObject({ updatedBy: 'b', updatedAt: '2026-01-06T00:00:00Z', rejected: [] });
  });

  it('refuses a malformed review with a Vietnamese message and leaves the doc untouched', () => {
    const doc = createCaseDoc(sampleCase());
    const before = Y.encodeStateAsUpdate(doc);
    const refusals: Record<string, unknown>[] = [
      { source: { ...judgment, contentHash: 'not-a-hash' }, updatedBy: 'a' },
      { source: judgment, updatedBy: 'a', added: [{ original: 'X', replacement: 'Y' }] },
      { source: { kind: 'email', id: 'x', title: '' }, updatedBy: 'a' },
    ];
    for (const input of refusals) {
      const result = recordPublicationReview(doc, input, ctx);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.messageVi).toMatch(/\p{L}/u);
    }
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });
});
