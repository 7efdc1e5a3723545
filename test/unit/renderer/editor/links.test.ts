/** The editor's route: `#/cases/<caseId>/documents/<documentId>` parses back, and belongs to the register. */
import { describe, expect, it } from 'vitest';
import { parseHash, screenOf } from '../../../../renderer/app/routes.js';
import { documentRouteHash } from '../../../../renderer/editor/links.js';

describe('document route', () => {
  it('formats and parses a document of a case', () => {
    const hash = documentRouteHash('c/1 ấn', 'doc-42');
    expect(hash).toBe('#/cases/c%2F1%20%E1%BA%A5n/documents/doc-42');
    const route = parseHash(hash, '2026-11-28');
    expect(route).toEqual({ screen: 'document', caseId: 'c/1 ấn', documentId: 'doc-42' });
    expect(screenOf(route)).toBe('cases');
  });

  it('keeps the case file route for a case alone or a case with an incomplete path', () => {
    expect(parseHash('#/cases/c1', '2026-11-28')).toEqual({ screen: 'case', caseId: 'c1' });
    expect(parseHash('#/cases/c1/documents', '2026-11-28')).toEqual({ screen: 'case', caseId: 'c1' });
  });
});
