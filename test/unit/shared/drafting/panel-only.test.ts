/**
 * Panel-only documents (shared/drafting/panel-only.ts): biên bản nghị án always, a judgment until
 * the presiding judge's signature finalises (pronounces) it, in the same change.
 */
import { describe, expect, it } from 'vitest';
import { appendSignature, isReadOnly } from '../../../../shared/drafting/finalisation.js';
import { panelOnlyStaff } from '../../../../shared/drafting/panel-only.js';
import { requiredSigners } from '../../../../shared/drafting/signers.js';
import { signContent, verifyDocument, type KeyStanding } from '../../../../shared/drafting/signing.js';
import { recordVersion } from '../../../../shared/drafting/versions.js';
import { newDocumentDoc, PANEL, testSigner } from './fixtures.js';

const NOW = '2025-11-28T10:00:00.000Z';
const DELIBERATING = ['s-judge-01', 's-assessor-03', 's-assessor-07'];

async function signAll(kind: 'judgment' | 'deliberationMinutes') {
  const doc = newDocumentDoc([{ content: ['Hội đồng xét xử quyết định: chấp nhận yêu cầu khởi kiện.'] }], { kind, restrictedToStaff: panelOnlyStaff(kind, PANEL) });
  const required = requiredSigners(kind, PANEL);
  if (!required.ok) throw new Error(required.error.messageEn);
  const restrictedBeforeLast: unknown[] = [];
  for (const capacity of required.value) {
    restrictedBeforeLast.push(doc.getMap('meta').get('restrictedToStaff'));
    const version = recordVersion(doc, 'signed', capacity.staffId, undefined, NOW);
    const entry = await signContent(doc, await testSigner(), { user: capacity.staffId, staffId: capacity.staffId, signerName: capacity.name, capacity: capacity.capacity }, NOW, version.id);
    expect(appendSignature(doc, entry, required.value, NOW).ok).toBe(true);
  }
  return { doc, restrictedBeforeLast };
}

describe('panel-only documents', () => {
  it('restricts deliberation minutes and judgments to the deliberating panel, nothing else', () => {
    expect(panelOnlyStaff('deliberationMinutes', PANEL)).toEqual(DELIBERATING);
    expect(panelOnlyStaff('judgment', PANEL)).toEqual(DELIBERATING);
    expect(panelOnlyStaff('hearingMinutes', PANEL)).toBeUndefined();
    expect(panelOnlyStaff('decision', PANEL)).toBeUndefined();
  });

  it('opens a judgment to the court when its signature finalises it, in the same change', async () => {
    const { doc, restrictedBeforeLast } = await signAll('judgment');
    expect(restrictedBeforeLast.at(-1)).toEqual(DELIBERATING);
    expect(isReadOnly(doc)).toBe(true);
    expect(doc.getMap('meta').has('restrictedToStaff')).toBe(false);
    // Who may read it is not signed content: the signature still verifies.
    const required = requiredSigners('judgment', PANEL);
    if (!required.ok) throw new Error(required.error.messageEn);
    const report = await verifyDocument(doc, { standing: async (): Promise<KeyStanding> => ({ kind: 'registered' }) }, required.value);
    expect(report.status).toBe('valid');
  });

  it('keeps deliberation minutes panel-only after every member signed', async () => {
    const { doc } = await signAll('deliberationMinutes');
    expect(isReadOnly(doc)).toBe(true);
    expect(doc.getMap('meta').get('restrictedToStaff')).toEqual(DELIBERATING);
  });
});
