/**
 * "Soạn văn bản": the draft's doc is stored with its meta (template id and version, panel,
 * panel-only restriction for deliberation minutes), the body rendered from the case and the
 * hearing record for minutes; the case lists it; a failed listing never leaves a listed ghost.
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { generateCourt } from '../../../../shared/demo/index.js';
import { metaMap } from '../../../../shared/drafting/document-doc.js';
import { readHearingEvents } from '../../../../shared/drafting/hearing-record.js';
import { normalizeDocNode } from '../../../../shared/drafting/editor-json.js';
import { buildContext, builtinTemplates, renderTemplate, servesCase, type Template } from '../../../../shared/templates/index.js';
import type { Case } from '../../../../shared/domain/schemas.js';
import { createCaseDocument } from '../../../../renderer/editor/create-document.js';
import { readBody } from '../../../../renderer/editor/body.js';
import { openDocumentStore, type DocumentStore } from '../../../../renderer/replica/document-store.js';
import { openReplica } from '../../../../renderer/replica/replica.js';
import type { Replica } from '../../../../renderer/replica/types.js';
import { pendingDocIds } from '../../../../renderer/replica/sync-state.js';
import { openDatabase } from '../../../../renderer/replica/open.js';
import { fakeIdb } from '../replica/fixtures.js';

const court = generateCourt({ cases: 60, seed: 11, today: '2025-11-28' });
const closers: { close(): void }[] = [];
afterEach(() => {
  for (const c of closers.splice(0)) c.close();
});

function pickCase(kind: Template['meta']['kind']): { kase: Case; template: Template } {
  for (const template of builtinTemplates().filter((t) => t.meta.kind === kind)) {
    for (const kase of court.cases) {
      const context = buildContext({ court: court.court, staff: court.staff, kase, today: '2025-11-28', hearingKinds: template.meta.hearingKinds });
      if (servesCase(template.meta, kase, context) && kase.panel.some((m) => m.staffId)) return { kase, template };
    }
  }
  throw new Error(`no demo case for ${kind}`);
}

async function setup(): Promise<{ replica: Replica; store: DocumentStore; idb: ReturnType<typeof fakeIdb> }> {
  const idb = fakeIdb();
  const replica = await openReplica(idb);
  closers.push(replica);
  await replica.importCourtFile(court);
  const store = await openDocumentStore({ ...idb, flushDelayMs: 10 });
  closers.push(store);
  return { replica, store, idb };
}

function render(kase: Case, template: Template) {
  return renderTemplate(template, buildContext({ court: court.court, staff: court.staff, kase, today: '2025-11-28', hearingKinds: template.meta.hearingKinds })).doc;
}

describe('creating a draft from a case', () => {
  it('stores the minutes with meta, body and hearing record, and lists it in the case', async () => {
    const { replica, store, idb } = await setup();
    const { kase, template } = pickCase('hearingMinutes');
    const rendered = render(kase, template);
    const created = await createCaseDocument(replica, store, { kase, template, rendered, user: 'thuky', now: '2026-11-28T01:00:00.000Z', newId: () => 'doc-test-1' });
    expect(created).toEqual({ ok: true, value: 'doc-test-1' });

    const opened = await store.open('doc-test-1');
    if (!opened.ok) throw new Error(opened.error.messageEn);
    const doc = opened.value.doc;
    const meta = metaMap(doc).toJSON();
    expect(meta).toMatchObject({
      documentId: 'doc-test-1',
      caseId: kase.id,
      courtId: kase.courtId,
      kind: 'hearingMinutes',
      templateId: template.meta.id,
      templateVersion: template.meta.version,
      createdBy: 'thuky',
      status: 'draft',
    });
    expect(meta['restrictedToStaff']).toBeUndefined();
    expect((meta['panel'] as unknown[]).length).toBeGreaterThan(0);
    expect(readBody(doc, rendered.attrs)).toEqual(normalizeDocNode(rendered));
    expect(readHearingEvents(doc)).toEqual([]);
    expect(doc.getMap('hearing').get('attendance')).toBeInstanceOf(Y.Map);
    await opened.value.close();

    const rows = await replica.documentsOf(kase.id);
    expect(rows.map((r) => r.key)).toContain(`${kase.id}/doc-test-1`);
    const loaded = await replica.loadCase(kase.id);
    expect(loaded.ok && loaded.value.documents.find((d) => d.id === 'doc-test-1')).toMatchObject({ kind: 'hearingMinutes', templateId: template.meta.id, status: 'draft' });

    const db = await openDatabase({ name: idb.name, indexedDB: idb.indexedDB, IDBKeyRange: idb.IDBKeyRange });
    expect(await pendingDocIds(db)).toContain('doc:doc-test-1');
    db.close();
  });

  it('restricts deliberation minutes to the deliberating panel (no clerk, no prosecutor)', async () => {
    const { replica, store } = await setup();
    const { kase, template } = pickCase('deliberationMinutes');
    const created = await createCaseDocument(replica, store, { kase, template, rendered: render(kase, template), user: 'thamphan', now: '2026-11-28T01:00:00.000Z', newId: () => 'doc-nghi-an' });
    expect(created.ok).toBe(true);
    const opened = await store.open('doc-nghi-an');
    if (!opened.ok) throw new Error(opened.error.messageEn);
    const restricted = metaMap(opened.value.doc).get('restrictedToStaff') as string[];
    const panelStaff = kase.panel.filter((m) => m.staffId && ['presidingJudge', 'judge', 'assessor'].includes(m.role)).map((m) => m.staffId);
    expect(restricted).toEqual(panelStaff);
    const clerk = kase.panel.find((m) => m.role === 'clerk')?.staffId;
    if (clerk) expect(restricted).not.toContain(clerk);
    await opened.value.close();
  });

  it('restricts a judgment draft to the deliberating panel (lifted when it is signed: panel-only.ts)', async () => {
    const { replica, store } = await setup();
    const { kase, template } = pickCase('judgment');
    const created = await createCaseDocument(replica, store, { kase, template, rendered: render(kase, template), user: 'thamphan', now: '2026-11-28T01:00:00.000Z', newId: () => 'doc-ban-an' });
    expect(created.ok).toBe(true);
    const opened = await store.open('doc-ban-an');
    if (!opened.ok) throw new Error(opened.error.messageEn);
    const panelStaff = kase.panel.filter((m) => m.staffId && ['presidingJudge', 'judge', 'assessor'].includes(m.role)).map((m) => m.staffId);
    expect(metaMap(opened.value.doc).get('restrictedToStaff')).toEqual(panelStaff);
    await opened.value.close();
  });

  it('refuses an id that exists and lists nothing new', async () => {
    const { replica, store } = await setup();
    const { kase, template } = pickCase('hearingMinutes');
    const input = { kase, template, rendered: render(kase, template), user: '', now: '2026-11-28T01:00:00.000Z', newId: () => 'doc-twice' };
    expect((await createCaseDocument(replica, store, input)).ok).toBe(true);
    const before = (await replica.documentsOf(kase.id)).length;
    const again = await createCaseDocument(replica, store, input);
    expect(again.ok).toBe(false);
    expect((await replica.documentsOf(kase.id)).length).toBe(before);
  });
});
